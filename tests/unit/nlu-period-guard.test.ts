// Periods bounded by one day or counted back (day-bounds.ts), and the guard that asks back when a question names a
// time the rules did not read (period-guard.ts). Expected days are worked out by hand on the sample's calendar:
// February 2021, the data's last day Sunday the 28th, ISO week 1 of 2021 starting Monday 4 January.
import { describe, expect, test } from '@jest/globals';
import { prepare } from '../../agent/nlu/normalize.js';
import { planOffline } from '../../agent/nlu/offline-planner.js';
import { findPeriod } from '../../agent/nlu/periods.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';

const LAST = '2021-02-28';
const period = (text: string) => findPeriod(prepare(text), LAST);
const plan = (text: string) => planOffline({ text, catalog: SAMPLE_CATALOG });

describe('one-day bounds and days counted back', () => {
  test.each([
    ['CA avant le 10', '2021-02-01', '2021-02-09'], // before = up to the day before
    ['CA before the 10th', '2021-02-01', '2021-02-09'],
    ["CA jusqu'au 10", '2021-02-01', '2021-02-10'],
    ['clicks until the 12th', '2021-02-01', '2021-02-12'],
    ['CA après le 20', '2021-02-21', '2021-02-28'],
    ['revenue after the 20th', '2021-02-21', '2021-02-28'],
    ['CA il y a 3 jours', '2021-02-25', '2021-02-25'],
    ['revenue 2 days ago', '2021-02-26', '2021-02-26'],
    ['CA de lundi dernier', '2021-02-22', '2021-02-22'],
    ['CA dimanche dernier', '2021-02-21', '2021-02-21'], // the 28th is "today", a Sunday: the one before
    ['revenue last friday', '2021-02-26', '2021-02-26'],
    ['CA KW7', '2021-02-15', '2021-02-21'], // ISO week 7: 4 January + 6 weeks
    ['CA semaine 8', '2021-02-22', '2021-02-28'],
    ['CA semaine 2', '2021-02-08', '2021-02-14'], // ≤ 5: the month's 2nd week, as before
  ])('%s → %s … %s', (text, from, to) => {
    expect(period(text)).toEqual({ date_from: from, date_to: to });
  });

  test('full dates are read whole, not as a day and a month', () => {
    expect(period('CA du 2021-02-15')).toEqual({ date_from: '2021-02-15', date_to: '2021-02-15' });
    expect(plan('CA entre le 2021-02-01 et le 2021-02-14').calls[0]?.args).toMatchObject({
      date_from: '2021-02-01',
      date_to: '2021-02-14',
    });
    expect(plan('CA du 01.02.2021 au 07.02.2021').calls[0]?.args.compare_to).toBeUndefined();
  });

  test('a « vs » splits two periods before an « au » does', () => {
    expect(plan('CA du 1.2.2021 au 7.2.2021 vs du 8.2.2021 au 14.2.2021').calls[0]?.args).toMatchObject({
      date_from: '2021-02-08',
      date_to: '2021-02-14',
      compare_to: { date_from: '2021-02-01', date_to: '2021-02-07' },
    });
  });

  test('a day of another month is not read as this month', () => {
    expect(period('avant le 10 janvier')).not.toEqual({ date_from: '2021-02-01', date_to: '2021-02-09' });
  });
});

describe('a time named but not read is asked back', () => {
  test.each(['CA le week-end', 'top 5 en soirée', 'ROI du trimestre', 'CA les jours ouvrés', 'CPA le matin'])(
    '%s: no figure, a question with buttons',
    (text) => {
      const asked = plan(text);
      expect(asked.calls).toEqual([]);
      expect(asked.clarification).toMatch(/période/);
      expect(asked.options).toHaveLength(2);
      // Each button is a question the bot reads without asking again.
      for (const option of asked.options ?? []) expect(plan(option).clarification).toBeUndefined();
    },
  );

  test('the first button reads the last 7 days', () => {
    const [lastWeek] = plan('CA le week-end').options ?? [];
    expect(plan(lastWeek!).calls[0]?.args).toMatchObject({ date_from: '2021-02-22', date_to: '2021-02-28' });
  });

  test('periods the rules read, breakdowns by time and the whole data are not asked back', () => {
    for (const text of [
      'CA ce mois',
      'CA en février',
      'CA par jour',
      'CA hebdo',
      'CA de la semaine dernière',
    ])
      expect(plan(text).clarification).toBeUndefined();
  });

  test('a question mostly off topic stays off topic', () => {
    expect(plan('who won the Champions League game last night?').intent).toBe('out_of_scope');
  });
});

describe('a range of values is not a range of days', () => {
  test.each([
    ['quelles campagnes ont un CPC entre 5 et 10 CHF ?', 5, 10],
    ['campagnes avec un CPC entre 5 et 10', 5, 10],
  ])('« %s »: CPC between %d and %d, no period', (text, low, high) => {
    const [call] = plan(text).calls;
    expect(call?.args).not.toHaveProperty('date_from');
    expect(call?.args.thresholds).toEqual([
      { metric: 'cpc', op: '>=', value: low },
      { metric: 'cpc', op: '<=', value: high },
    ]);
  });

  test.each([
    ['CA entre 5 et 10 février', '2021-02-05', '2021-02-10'],
    ['cpm social 1-14 fév ?', '2021-02-01', '2021-02-14'],
    ['les 5 campagnes qui ont le plus dépensé du 15 au 21', '2021-02-15', '2021-02-21'],
  ])('« %s » is days %s … %s, no threshold', (text, from, to) => {
    const [call] = plan(text).calls;
    expect(call?.args).toMatchObject({ date_from: from, date_to: to });
    expect(call?.args).not.toHaveProperty('thresholds');
  });
});
