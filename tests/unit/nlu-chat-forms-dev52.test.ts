// Forms from session 11 (the older tuned sets' wrong answers, then dev52–dev57, written by people who never read the
// parser): a step from the period shown (« la semaine d'avant », "the previous week" in a follow-up), the whole
// account after one member (« et tous canaux confondus ? »), « le weekly » as a meeting.
// Expected arguments by hand from the words and the sample (February 2021, last day Sunday the 28th).
import { describe, expect, test } from '@jest/globals';
import { calls, chain } from '../fixtures/offline-plans.js';

const LAST_WEEK = { date_from: '2021-02-22', date_to: '2021-02-28' };
const WEEK_BEFORE = { date_from: '2021-02-15', date_to: '2021-02-21' };

describe('a step from the period shown', () => {
  test('"just the top 3 for the week before" after last week: the 15th to the 21st', () => {
    expect(chain('top 5 campaigns by revenue last week', 'just the top 3 for the week before')).toEqual([
      expect.objectContaining({ tool: 'rank_campaigns', metric: 'revenue', limit: 3, ...WEEK_BEFORE }),
    ]);
  });
  test('"ok and the previous week" after the last seven days: not the last week again', () => {
    expect(chain('so like social spend for the last seven days', 'ok and the previous week')).toEqual([
      expect.objectContaining({ metrics: ['mark_spent'], categories: ['social'], ...WEEK_BEFORE }),
    ]);
  });
  test('« et la semaine précédente ? » after a table of last week', () => {
    expect(chain('CA par campagne la semaine dernière', 'et la semaine précédente ?')).toEqual([
      expect.objectContaining(WEEK_BEFORE),
    ]);
  });
  test('« et le mois précédent ? » after February: all of January (no data), not 28 days shifted', () => {
    expect(chain('ROI de février', 'et le mois précédent ?')).toEqual([
      expect.objectContaining({ date_from: '2021-01-01', date_to: '2021-01-31' }),
    ]);
  });
  test('« et la veille ? » after yesterday: the 27th', () => {
    expect(chain('leads hier', 'et la veille ?')).toEqual([
      expect.objectContaining({ date_from: '2021-02-27', date_to: '2021-02-27' }),
    ]);
  });
  test('a period of its own stays that period: « et la semaine du 8 ? »', () => {
    expect(chain('CA la semaine dernière', 'et la semaine du 8 ?')).toEqual([
      expect.objectContaining({ date_from: '2021-02-08', date_to: '2021-02-14' }),
    ]);
  });
});

describe('the whole account after one member', () => {
  test('« et tous canaux confondus ? » after banner_partner’s CTR: no filter, no table by channel', () => {
    const [call] = chain('taux de clic banner_partner ce mois', 'et tous canaux confondus ?') as Record<
      string,
      unknown
    >[];
    expect(call).toMatchObject({ tool: 'query_metrics', metrics: ['ctr'] });
    expect([call?.campaigns, call?.categories, call?.name_prefix]).toEqual([undefined, undefined, undefined]);
    expect(call?.group_by ?? []).toEqual([]);
  });
  test('"and overall?" after social’s ROI', () => {
    const [call] = chain('ROI du social', 'and overall?') as Record<string, unknown>[];
    expect(call).toMatchObject({ tool: 'query_metrics', metrics: ['roi'] });
    expect(call?.categories).toBeUndefined();
  });
});

describe('« le weekly » is a meeting', () => {
  test('« pour le weekly: spend et CA de la semaine dernière stp »: two figures, not a weekly trend', () => {
    expect(calls('pour le weekly: spend et CA de la semaine dernière stp')).toEqual([
      expect.objectContaining({ tool: 'query_metrics', metrics: ['mark_spent', 'revenue'], ...LAST_WEEK }),
    ]);
  });
  test('« CA weekly de février » is still a weekly trend', () => {
    expect(calls('CA weekly de février')).toEqual([
      expect.objectContaining({ tool: 'kpi_trend', metric: 'revenue', grain: 'week' }),
    ]);
  });
});
