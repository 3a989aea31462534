// The answers' number format is the product's, not the runtime's: ICU data differ between Node versions (Node 24
// groups fr-CH thousands with an apostrophe, Node 20 with a narrow no-break space), and the answers, the evaluation
// and the grounding check read these strings. Run on every Node version CI uses (.ci/run).
import { expect, test } from '@jest/globals';
import {
  formatMoney,
  formatMoneyDelta,
  formatNumber,
  formatPercent,
  formatPoints,
} from '../../src/core/format.js';
import { formatMetric } from '../../src/core/metrics.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

test('thousands are grouped with a narrow no-break space, decimals after a comma', () => {
  expect(formatMoney(4_057_937, 'CHF')).toBe(`CHF${NBSP}4${NNBSP}057${NNBSP}937`);
  expect(formatMoney(1_234_567.891, 'CHF', 2)).toBe(`CHF${NBSP}1${NNBSP}234${NNBSP}567,89`);
  expect(formatMoneyDelta(-2_472_057, 'EUR')).toBe(`−EUR${NBSP}2${NNBSP}472${NNBSP}057`);
  expect(formatPercent(12.345, { digits: 1 })).toBe(`1${NNBSP}234,5${NNBSP}%`);
});

test('English answers are written Swiss English: an apostrophe between thousands, a decimal point', () => {
  expect(formatMoney(4_057_937, 'CHF', 0, 'en')).toBe(`CHF${NBSP}4’057’937`);
  expect(formatMoney(654.655, 'CHF', 2, 'en')).toBe(`CHF${NBSP}654.66`);
  expect(formatMoneyDelta(-2_472_057, 'EUR', 'en')).toBe(`−EUR${NBSP}2’472’057`);
  expect(formatPercent(0.0883, { signed: true, language: 'en' })).toBe('+8.8%');
  expect(formatPercent(12.345, { digits: 1, language: 'en' })).toBe('1’234.5%');
  expect(formatPoints(-0.0005, 2, 'en')).toBe(`−0.05${NNBSP}pts`);
  expect(formatNumber(1_577_722_399, 0, 'en')).toBe('1’577’722’399');
  expect(formatMetric('roas', 1.4, 'CHF', 'en')).toBe('1.40');
  expect(formatMetric('cpl', 654.66, 'CHF', 'en')).toBe(`CHF${NBSP}654.66`);
});

test('French stays the default, so the digests and the CLI are unchanged', () => {
  expect(formatMetric('roas', 1.4, 'CHF')).toBe('1,40');
  expect(formatPoints(-0.0005)).toBe(`−0,05${NNBSP}pts`);
});
