// Alt text and table fallback of each chart kind, checked against figures computed here from the CSV by hand
// (tests/fixtures/sample-figures.ts) and formatted by a small fr-CH formatter written for the test — never by the
// code's own output or its formatting helpers.
import { describe, expect, test } from '@jest/globals';
import { altText } from '../../charts/alt.js';
import { fallbackTable } from '../../charts/table.js';
import { chartFixture } from '../fixtures/answers/index.js';
import { groupTotals, readSampleRows, roi } from '../fixtures/sample-figures.js';

const fr = { currency: 'CHF', language: 'fr' as const };
const sample = readSampleRows();
const byCampaign = groupTotals(sample, (row) => row.campaign);
const byCategory = groupTotals(sample, (row) => row.category);

// « CHF 48 231 »: narrow no-break spaces between thousands, a no-break space after the currency, U+2212 minus.
const grouped = (value: number) =>
  String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
const chf = (value: number) => `${value < 0 ? '\u2212' : ''}CHF\u00a0${grouped(value)}`;
// « +8,8 % »: one decimal with a comma, narrow no-break space before %.
const signedPercent = (fraction: number) =>
  `${fraction < 0 ? '\u2212' : '+'}${Math.abs(fraction * 100)
    .toFixed(1)
    .replace('.', ',')}\u202f%`;

describe('ranking', () => {
  const request = chartFixture('ranking');
  const expected = [...byCampaign]
    .map(([name, t]) => ({ name, roi: roi(t), t }))
    .sort((a, b) => b.roi - a.roi);

  test('alt text names the campaigns in order with their ROI, the first « en tête »', () => {
    const alt = altText(request, fr);
    const top = expected.slice(0, 5).map((entry) => `${entry.name} ${signedPercent(entry.roi)}`);
    expect(alt).toBe(`Classement de 5 campagnes par ROI : ${top[0]} en tête, ${top.slice(1).join(', ')}.`);
    expect(alt).toContain('youtube_blogger +277,3\u202f% en tête');
  });

  test('table fallback: one line per campaign with ROI, spend and revenue', () => {
    const lines = fallbackTable(request, fr).split('\n');
    expect(lines[0]).toBe(request.title);
    expect(lines[1]).toMatch(/^Campagne\s+Catégorie\s+ROI\s+Dépenses\s+CA$/);
    expect(lines).toHaveLength(3 + 5);
    expected.slice(0, 5).forEach((entry, index) => {
      const line = lines[3 + index]!;
      expect(line.startsWith(entry.name)).toBe(true);
      for (const cell of [signedPercent(entry.roi), chf(entry.t.spend), chf(entry.t.revenue)])
        expect(line).toContain(cell);
    });
  });
});

describe('grouped (by category)', () => {
  const request = chartFixture('aggregation');

  test('alt text gives each category its revenue, spend and ROI', () => {
    const alt = altText(request, fr);
    expect(alt.startsWith('Dépenses et CA par catégorie : ')).toBe(true);
    for (const [category, t] of byCategory)
      expect(alt).toContain(
        `${category} ${chf(t.revenue)} de CA pour ${chf(t.spend)} de dépenses (ROI ${signedPercent(roi(t))})`,
      );
  });

  test('table fallback lists every category', () => {
    const table = fallbackTable(request, fr);
    for (const [category, t] of byCategory) {
      const line = table.split('\n').find((candidate) => candidate.startsWith(category))!;
      expect(line).toContain(chf(t.spend));
      expect(line).toContain(chf(t.revenue));
      expect(line).toContain(signedPercent(roi(t)));
    }
  });
});

describe('trend (ROI per week)', () => {
  // Weeks start on Monday; 2021-02-01 is one, and the sample covers February 2021.
  const weekOf = (date: string) => {
    const day = Number(date.slice(8, 10));
    return `2021-02-${String(day - ((day - 1) % 7)).padStart(2, '0')}`;
  };
  const weeks = [...groupTotals(sample, (row) => weekOf(row.date))].sort(([a], [b]) => a.localeCompare(b));

  test.each(['trend', 'trendAggregate'] as const)(
    '%s: alt text gives first, last, highest and lowest',
    (name) => {
      const alt = altText(chartFixture(name), fr);
      const rois = weeks.map(([week, t]) => ({ week, roi: roi(t) }));
      const best = [...rois].sort((a, b) => b.roi - a.roi)[0]!;
      const worst = [...rois].sort((a, b) => a.roi - b.roi)[0]!;
      expect(alt).toBe(
        `Évolution du ROI, ${rois.length} points du ${rois[0]!.week} au ${rois.at(-1)!.week} : de ${signedPercent(rois[0]!.roi)} à ${signedPercent(rois.at(-1)!.roi)} ; le plus haut ${signedPercent(best.roi)} (${best.week}), le plus bas ${signedPercent(worst.roi)} (${worst.week}).`,
      );
    },
  );

  test('table fallback: one line per week', () => {
    const table = fallbackTable(chartFixture('trend'), fr);
    for (const [week, t] of weeks) expect(table).toMatch(new RegExp(`${week}\\s+\\${signedPercent(roi(t))}`));
  });
});

describe('simulation', () => {
  const request = chartFixture('simulation');
  const row = request.rows[0]!;
  const n = (key: string) => row[key] as number;

  test('alt text: current vs simulated revenue with the interval and the budgets', () => {
    expect(altText(request, fr)).toBe(
      `Simulation +20,0\u202f% de budget (social) : CA actuel ${chf(n('current_revenue'))}, CA simulé ${chf(n('simulated_revenue'))} (intervalle ${chf(n('simulated_revenue_low'))} à ${chf(n('simulated_revenue_high'))}), budget de ${chf(n('current_budget'))} à ${chf(n('simulated_budget'))}.`,
    );
    // The current figures are the sample's social totals.
    const social = byCategory.get('social')!;
    expect(altText(request, fr)).toContain(`CA actuel ${chf(social.revenue)}`);
  });

  test('table fallback: one line per figure', () => {
    const table = fallbackTable(request, fr);
    expect(table).toMatch(new RegExp(`CA simulé \\(bas\\)\\s+${chf(n('simulated_revenue_low'))}`));
    expect(table).toMatch(new RegExp(`Budget actuel\\s+${chf(byCategory.get('social')!.spend)}`));
  });
});

describe('clusters', () => {
  const request = chartFixture('segmentation');

  test('alt text names every campaign under its segment', () => {
    const alt = altText(request, fr);
    expect(alt.startsWith(`ROI et CA de ${byCampaign.size} campagnes en 2 segments : `)).toBe(true);
    for (const name of byCampaign.keys()) expect(alt).toContain(name);
  });

  test('table fallback: campaign, segment, ROI and revenue', () => {
    const table = fallbackTable(request, fr);
    for (const [name, t] of byCampaign) {
      const line = table.split('\n').find((candidate) => candidate.startsWith(`${name} `))!;
      expect(line).toContain(signedPercent(roi(t)));
      expect(line).toContain(chf(t.revenue));
    }
  });
});

test('English alt text', () => {
  const alt = altText(chartFixture('ranking'), { currency: 'CHF', language: 'en' });
  expect(alt.startsWith('Ranking of 5 campaigns by ROI: youtube_blogger +277,3\u202f% first')).toBe(true);
});
