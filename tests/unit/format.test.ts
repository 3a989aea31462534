// The answers' number format is the product's, not the runtime's: ICU data differ between Node versions (Node 24
// groups fr-CH thousands with an apostrophe, Node 20 with a narrow no-break space), and the answers, the evaluation
// and the grounding check read these strings. Run on every Node version CI uses (.ci/run).
import { expect, test } from '@jest/globals';
import { formatMoney, formatMoneyDelta, formatPercent } from '../../src/core/format.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

test('thousands are grouped with a narrow no-break space, decimals after a comma', () => {
  expect(formatMoney(4_057_937, 'CHF')).toBe(`CHF${NBSP}4${NNBSP}057${NNBSP}937`);
  expect(formatMoney(1_234_567.891, 'CHF', 2)).toBe(`CHF${NBSP}1${NNBSP}234${NNBSP}567,89`);
  expect(formatMoneyDelta(-2_472_057, 'EUR')).toBe(`−EUR${NBSP}2${NNBSP}472${NNBSP}057`);
  expect(formatPercent(12.345, { digits: 1 })).toBe(`1${NNBSP}234,5${NNBSP}%`);
});
