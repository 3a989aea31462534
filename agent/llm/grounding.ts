// The grounding check: every number an LLM writes must come from the tool results. An answer that fails it
// is thrown away by the graph in favour of the template composer, so a wrong figure never reaches a person.
//
// What counts as "the same number":
// - Both French-Swiss (« CHF 48 231 », « +277,3 % », « 1,40 ») and English (« 48,231 », « 277.3% ») writing.
//   « 48,231 » / « 1.234 » are ambiguous (thousands or decimals): either reading may match.
// - Rounded to the decimals shown: « 1,40 » matches 1.3987; a round figure (« CHF 48 000 ») matches within
//   half its last non-zero digit, capped at 1 % of its size (so « 50 000 » does not match 48 231).
// - A percentage matches a fraction ×100 (ROI 2.773 → « 277,3 % »), or a value already in percent: a column
//   named *_pct / *percent* (budget_increase_pct 20 → « +20 % ») or a percentage written in a summary.
// - « k », « M », « Mio », « millions » multiply. Signs are ignored: « une perte de 12 % » is ROI −0.12.
// - Known values: every numeric cell, every row count, every number written in the tool summaries, and the
//   caller's `allowed` numbers (e.g. from the question or the plan's arguments).
// Exempt, by decision: plain integers 0–10 without unit (« 3 campagnes », « top 5 », « 2e »), list markers at
// a line start, years that occur in the results' dates, and dates written with a month name. ISO dates
// (YYYY-MM-DD) are checked: they must occur in the results.

export type EvidenceCell = string | number | boolean | null;

export interface ToolEvidence {
  summary: string;
  rows: Record<string, EvidenceCell>[];
}

export interface GroundingResult {
  grounded: boolean;
  /** The numbers (as written) that match nothing in the tool outputs. */
  ungrounded: string[];
}

interface Known {
  value: number;
  /** How far off the known value itself may be (numbers read from a summary are already rounded). */
  tolerance: number;
  /** fraction: shown as a percentage ×100; percent: already in percent; any: either (counts, allowed). */
  scale: 'fraction' | 'percent' | 'any';
}

interface NumberToken {
  raw: string;
  readings: { value: number; decimals: number }[];
  percent: boolean;
  currency: boolean;
  multiplier: number;
  ordinal: boolean;
}

const SMALL_COUNT_MAX = 10;
const ISO_DATE = /(?<![\p{N}])\d{4}-\d{2}(?:-\d{2})?(?![\p{N}])/gu;
const MONTHS =
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|' +
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DAY_MONTH = new RegExp(`(?<![\\p{N}])\\d{1,2}(?:er|st|nd|rd|th)?\\.?\\s+(?:${MONTHS})\\b\\.?`, 'giu');
const MONTH_DAY = new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?![\\p{N}])`, 'giu');
const LIST_MARKER = /^(\s*)\d{1,2}[.)](?=\s)/gmu;
const NUMBER = /(?<![\p{L}\p{N}_])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,']\d+)*)/gu;
const SPACES = /[ \u00a0\u202f]/g;
const HAS_SPACE = /[ \u00a0\u202f]/;
const PERCENT_AFTER = /^\s?(?:%|pour\s?cent|percent|per\s?cent)/iu;
const MULTIPLIER_AFTER = /^\s?(k|mio|mios|millions?|mn|m|mds?|milliards?|billions?|bn)(?![\p{L}])/iu;
const ORDINAL_AFTER = /^(?:er|re|ère|e|ème|eme|st|nd|rd|th)(?![\p{L}])/iu;
const TIMES_AFTER = /^[x×](?![\p{L}])/u;
const CURRENCY_BEFORE = /(?:CHF|EUR|USD|GBP|Fr\.|€|\$|£)\s?[+−-]?\s?$/u;
const CURRENCY_AFTER = /^\s?(?:CHF|EUR|USD|GBP|€|\$|£|francs?\b)/iu;

export function checkGrounding(
  text: string,
  toolOutputs: ToolEvidence[],
  options: { allowed?: number[] } = {},
): GroundingResult {
  const known: Known[] = (options.allowed ?? []).map((value) => ({ value, tolerance: 0, scale: 'any' }));
  const dates = new Set<string>();
  const labels: string[] = [];
  for (const output of toolOutputs) {
    known.push({ value: output.rows.length, tolerance: 0, scale: 'any' });
    for (const row of output.rows) {
      for (const [column, cell] of Object.entries(row)) addCell(column, cell, known, dates, labels);
    }
    for (const date of output.summary.match(ISO_DATE) ?? []) dates.add(date);
    for (const token of tokenize(output.summary.replace(ISO_DATE, ' '))) {
      for (const reading of token.readings) {
        const value = reading.value * token.multiplier;
        const tolerance = (0.5 * token.multiplier) / 10 ** reading.decimals;
        known.push({ value, tolerance, scale: token.percent ? 'percent' : 'fraction' });
      }
    }
  }
  const years = new Set([...dates].map((date) => Number(date.slice(0, 4))));
  const ungrounded: string[] = [];

  // Names that contain digits (« Promo 2024 », « Summer_Sale_3 ») are labels, not figures.
  let rest = text;
  for (const label of labels.sort((a, b) => b.length - a.length)) rest = replaceAll(rest, label);
  rest = rest.replace(ISO_DATE, (date) => {
    const found = date.length === 7 ? [...dates].some((known) => known.startsWith(date)) : dates.has(date);
    if (!found) ungrounded.push(date);
    return ' ';
  });
  rest = rest.replace(DAY_MONTH, ' ').replace(MONTH_DAY, ' ').replace(LIST_MARKER, '$1 ');

  for (const token of tokenize(rest)) {
    if (isExempt(token, years)) continue;
    if (!token.readings.some((reading) => matches(token, reading, known))) ungrounded.push(token.raw.trim());
  }
  return { grounded: ungrounded.length === 0, ungrounded };
}

/** The numbers written in a text (every reading), e.g. the question's « +35 % », for `allowed`. */
export function numbersIn(text: string): number[] {
  return tokenize(text.replace(ISO_DATE, ' ')).flatMap((token) =>
    token.readings.map((reading) => reading.value * token.multiplier),
  );
}

function addCell(column: string, cell: EvidenceCell, known: Known[], dates: Set<string>, labels: string[]) {
  const scale = /pct|percent/i.test(column) ? 'percent' : 'fraction';
  if (typeof cell === 'number' && Number.isFinite(cell)) known.push({ value: cell, tolerance: 0, scale });
  if (typeof cell !== 'string') return;
  if (/^-?\d+(?:\.\d+)?$/.test(cell.trim())) known.push({ value: Number(cell), tolerance: 0, scale });
  else if (/^\d{4}-\d{2}-\d{2}/.test(cell)) dates.add(cell.slice(0, 10));
  else if (/\d/.test(cell)) labels.push(cell);
}

function tokenize(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const raw = match[0];
    const start = match.index ?? 0;
    const after = text.slice(start + raw.length, start + raw.length + 12);
    const before = text.slice(Math.max(0, start - 6), start);
    const percent = PERCENT_AFTER.test(after);
    const multiplierWord = percent ? undefined : after.match(MULTIPLIER_AFTER)?.[1];
    const ordinal = !percent && !multiplierWord && ORDINAL_AFTER.test(after);
    // Glued to other letters (« gpt-4o », « 3D »): part of a name, not a figure.
    if (!percent && !multiplierWord && !ordinal && /^[\p{L}]/u.test(after) && !TIMES_AFTER.test(after))
      continue;
    const readings = readNumber(raw);
    if (readings.length === 0) {
      // « 1,2,3 »: a list of small numbers, not one grouped number.
      for (const part of raw.split(/[.,']/)) tokens.push(plain(part, readNumber(part)));
      continue;
    }
    tokens.push({
      raw: `${raw}${percent ? ' %' : ''}`,
      readings,
      percent,
      currency: CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after),
      multiplier: multiplierWord ? multiplierOf(multiplierWord) : 1,
      ordinal,
    });
  }
  return tokens;
}

function plain(raw: string, readings: NumberToken['readings']): NumberToken {
  return { raw, readings, percent: false, currency: false, multiplier: 1, ordinal: false };
}

/** Every plausible value of a written number; [] when it is not one number. */
function readNumber(raw: string): { value: number; decimals: number }[] {
  if (HAS_SPACE.test(raw)) {
    const [integer = '', decimals = ''] = raw.replace(SPACES, '').split(/[.,]/);
    return [{ value: Number(`${integer}.${decimals || '0'}`), decimals: decimals.length }];
  }
  const separators = raw.match(/[.,']/g) ?? [];
  const groups = raw.split(/[.,']/);
  if (separators.length === 0) return [{ value: Number(raw), decimals: 0 }];
  if (separators.length === 1) {
    const [integer = '', fraction = ''] = groups;
    const asGrouped = { value: Number(integer + fraction), decimals: 0 };
    if (separators[0] === "'") return [asGrouped]; // Swiss grouping 1'234
    const asDecimal = { value: Number(`${integer}.${fraction}`), decimals: fraction.length };
    return fraction.length === 3 ? [asDecimal, asGrouped] : [asDecimal];
  }
  const last = separators.at(-1);
  const head = separators.slice(0, -1);
  const groupedHead = groups.slice(1, -1).every((group) => group.length === 3);
  if (groupedHead && head.every((sep) => sep === head[0]) && head[0] !== last) {
    const fraction = groups.at(-1) ?? '';
    return [{ value: Number(`${groups.slice(0, -1).join('')}.${fraction}`), decimals: fraction.length }];
  }
  if (separators.every((sep) => sep === last) && groups.slice(1).every((group) => group.length === 3)) {
    return [{ value: Number(groups.join('')), decimals: 0 }];
  }
  return [];
}

function multiplierOf(word: string): number {
  const lower = word.toLowerCase();
  if (lower === 'k') return 1e3;
  if (/^(mds?|milliards?|billions?|bn)$/.test(lower)) return 1e9;
  return 1e6;
}

function isExempt(token: NumberToken, years: Set<number>): boolean {
  const only = token.readings.length === 1 ? token.readings[0] : undefined;
  if (!only || only.decimals > 0 || token.percent || token.currency || token.multiplier !== 1) return false;
  if (only.value >= 0 && only.value <= SMALL_COUNT_MAX && !/[.,' \u00a0\u202f]/.test(token.raw)) return true;
  return /^\d{4}$/.test(token.raw) && years.has(only.value);
}

function matches(token: NumberToken, reading: { value: number; decimals: number }, known: Known[]): boolean {
  const written = Math.abs(reading.value * token.multiplier);
  let tolerance = (0.5 * token.multiplier) / 10 ** reading.decimals;
  const trailingZeros = reading.decimals === 0 ? (String(reading.value).match(/0+$/)?.[0].length ?? 0) : 0;
  if (trailingZeros > 0 && token.multiplier === 1) {
    tolerance = Math.max(tolerance, Math.min(10 ** trailingZeros / 2, written * 0.01));
  }
  return known.some((candidate) => {
    const slack = tolerance + candidate.tolerance + 1e-9 * Math.max(1, written);
    const value = Math.abs(candidate.value);
    const close = (expected: number) => Math.abs(written - expected) <= slack;
    if (!token.percent) return close(value);
    if (candidate.scale === 'fraction') return close(value * 100);
    return close(value) || (candidate.scale === 'any' && close(value * 100));
  });
}

function replaceAll(text: string, label: string): string {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(escaped, 'gi'), ' ');
}
