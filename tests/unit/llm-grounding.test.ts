// The grounding check on French-Swiss and English writing: figures from the tool outputs pass, invented
// ones are reported. Expected verdicts are written by hand, not derived from the checker.
import { describe, expect, it } from '@jest/globals';
import { checkGrounding, numbersIn, type ToolEvidence } from '../../agent/llm/grounding.js';
import { formatMoney, formatNumber, formatPercent } from '../../src/core/format.js';

const ranking: ToolEvidence = {
  summary: 'Plus haut ROI :\n1. facebook_tier1 (social) : +277,3 %\n2. google_hot (search) : +120,5 %',
  rows: [
    { campaign_name: 'facebook_tier1', category: 'social', roi: 2.77342, revenue: 48231.4, roas: 1.3987 },
    { campaign_name: 'google_hot', category: 'search', roi: 1.2049, revenue: 1203456, roas: 0.875 },
  ],
};

const check = (text: string, outputs: ToolEvidence[] = [ranking], allowed?: number[]) =>
  checkGrounding(text, outputs, { allowed });

describe('checkGrounding', () => {
  it('accepts French-Swiss figures taken from the rows (rounded as shown)', () => {
    const text =
      'Le ROI de facebook_tier1 atteint +277,3 % pour CHF 48 231 de chiffre d’affaires (ROAS 1,40).';
    expect(check(text)).toEqual({ grounded: true, ungrounded: [] });
  });

  it('accepts the exact output of the project formatters (narrow no-break spaces)', () => {
    const text = `ROI ${formatPercent(2.77342, { signed: true })}, CA ${formatMoney(48231.4, 'CHF')}, ROAS ${formatNumber(1.3987, 2)}, CA ${formatMoney(1203456, 'CHF')}.`;
    expect(check(text).grounded).toBe(true);
  });

  it('accepts English writing', () => {
    expect(
      check('ROI of 277.3% on revenue of CHF 48,231 and a ROAS of 1.40; google_hot: $1,203,456.'),
    ).toEqual({
      grounded: true,
      ungrounded: [],
    });
  });

  it('reports an invented amount and an invented percentage', () => {
    const result = check('Le CA atteint CHF 52 310 et le ROI +300,0 %, contre +120,5 % pour google_hot.');
    expect(result.grounded).toBe(false);
    expect(result.ungrounded).toEqual(['52 310', '300,0 %']);
  });

  it('does not accept a percent written as a fraction of the wrong scale', () => {
    // 2.77 is the ROI fraction: as a percentage it would have to read 277 %, not 2,77 %.
    expect(check('Un ROI de 2,77 %.').grounded).toBe(false);
    expect(check('Un ROI de 2,77 (fraction).').grounded).toBe(true);
  });

  it('accepts round figures within 1 %, not further', () => {
    expect(check('Environ CHF 48 000 de chiffre d’affaires.').grounded).toBe(true);
    expect(check('Environ CHF 50 000 de chiffre d’affaires.').ungrounded).toEqual(['50 000']);
  });

  it('understands k / M multipliers, Swiss apostrophes and dotted grouping', () => {
    expect(check('google_hot rapporte CHF 1,2 M, facebook_tier1 CHF 48k.').grounded).toBe(true);
    expect(check("CHF 1'203'456 et 1.203.456,00 CHF").grounded).toBe(true);
    expect(check('google_hot rapporte CHF 1,5 M.').ungrounded).toEqual(['1,5']);
  });

  it('exempts small counts and ranks, not larger ones', () => {
    expect(check('Les 3 campagnes du top 5, la 2e est google_hot.', []).grounded).toBe(true);
    expect(check('Les 12 campagnes analysées.', []).ungrounded).toEqual(['12']);
    const twelveRows: ToolEvidence = {
      summary: '',
      rows: Array.from({ length: 12 }, (_, i) => ({ i: i * 0.5 })),
    };
    expect(check('Les 12 campagnes analysées.', [twelveRows]).grounded).toBe(true);
  });

  it('does not exempt small numbers with a unit', () => {
    expect(check('Un coût de CHF 7 par lead et 4 % de conversion.', []).ungrounded).toEqual(['7', '4 %']);
  });

  it('matches a percentage against a value already in percent, and ignores signs', () => {
    const simulation: ToolEvidence = {
      summary: '',
      rows: [{ category: 'social', budget_increase_pct: 20, delta_revenue: -1520.4, roi: -0.125 }],
    };
    expect(
      check('Avec +20 % de budget, le CA baisse de CHF 1 520 ; ROI −12,5 %.', [simulation]).grounded,
    ).toBe(true);
  });

  it('accepts numbers written in the tool summaries', () => {
    const model: ToolEvidence = {
      summary: 'Modèle : forêt aléatoire, R² holdout 0.85, 840 jours-campagne.',
      rows: [],
    };
    expect(check('Le modèle (R² 0,85) a appris sur 840 jours-campagne.', [model]).grounded).toBe(true);
  });

  it('checks ISO dates and exempts month-name dates and the data years', () => {
    const trend: ToolEvidence = {
      summary: 'Évolution du ROI du 2021-02-01 au 2021-02-28',
      rows: [{ period: '2021-02-01', value: 0.5 }],
    };
    expect(check('Du 2021-02-01 au 2021-02-28 (février 2021, jusqu’au 28 février).', [trend]).grounded).toBe(
      true,
    );
    expect(check('Le 2021-03-15, puis en 2024.', [trend]).ungrounded).toEqual(['2021-03-15', '2024']);
  });

  it('ignores digits inside names and list markers', () => {
    const rows: ToolEvidence = { summary: '', rows: [{ campaign_name: 'Promo 2024 v77', revenue: 10.5 }] };
    const text = '1. Promo 2024 v77 : CHF 10,50\n2. gpt-4o et instagram_tier2 ne sont pas des chiffres.';
    expect(check(text, [rows]).grounded).toBe(true);
  });

  it('accepts extra allowed numbers (from the question or the plan)', () => {
    expect(check('Simulation à +35 %.', [], [35]).grounded).toBe(true);
    expect(check('Simulation à +35 %.', []).grounded).toBe(false);
    expect(check('Simulation à +35 %.', [], numbersIn('Et avec +35 % de budget ?')).grounded).toBe(true);
  });

  it('lists the numbers of a text with every reading', () => {
    expect(numbersIn('Top 15, +35 %, CHF 1,2 M, 48,231 au 2021-02-01')).toEqual([
      15, 35, 1_200_000, 48.231, 48231,
    ]);
  });

  it('treats a text without numbers as grounded', () => {
    expect(check('Aucune campagne ne perd d’argent sur la période.', [])).toEqual({
      grounded: true,
      ungrounded: [],
    });
  });
});
