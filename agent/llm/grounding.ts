// The grounding check: every number an LLM writes must come from the tool results, with the right sign, the
// right unit and, when it stands next to a campaign or category name, from that entity's own row. An answer
// that fails it is thrown away by the graph in favour of the template composer, so a wrong figure never
// reaches a person. It compares meaning, not strings:
//
// - Writing: the text is read after Unicode normalisation (NFKC: fullwidth digits, superscripts, every kind
//   of space), every decimal digit system (Arabic-Indic « ٣١٢ »…), every minus sign (U+2212, dashes), with
//   invisible characters removed, and numbers written in words (« trois cent douze », "two hundred and
//   twelve", « deux virgule sept », up to the billions). Any other non-ASCII numeral left fails closed.
// - Both French-Swiss (« CHF 48 231 », « +277,3 % », « 1,40 ») and English (« 48,231 », « 277.3% ») forms.
//   « 48,231 » / « 1.234 » are ambiguous (thousands or decimals): either reading may match.
// - Rounded to the decimals shown: « 1,40 » matches 1.3987; a round figure (« CHF 48 000 ») matches within
//   half its last non-zero digit, capped at 1 % of its size (so « 50 000 » does not match 48 231).
// - Units: a percentage matches a fraction ×100 (ROI 2.773 → « 277,3 % ») or a value already in percent
//   (a *_pct / *percent* column, a percentage written in a summary); an amount with a currency matches a money
//   column (spend, revenue, budget, CPL, CPA…); « points » (pts, pp) match a difference between two rates
//   (or a delta column), never a rate itself. « k », « M », « Mio », « millions » multiply.
// - Sign: an explicit sign (« + », « − », « moins ») must agree with the value's sign; an unsigned figure is a
//   magnitude (« une perte de 12 % » is ROI −0.12).
// - Attribution: a figure whose sentence names a campaign or category just before it (or right after it,
//   « +120,5 % pour google_hot ») must be one of that entity's figures, not another row's.
// - Known values: every numeric cell, every row count, every number written in the tool summaries (attributed
//   by the same rule), and the caller's `allowed` numbers (e.g. from the question or the plan's arguments).
// Exempt, by decision: plain integers 0–10 without unit (« 3 campagnes », « top 5 », « 2e », « trois »),
// list markers at a line start, years that occur in the results' dates, and dates written with a month name.
// ISO dates (YYYY-MM-DD) are checked: they must occur in the results.

import { hasForeignNumerals, normalizeNumerals, wordNumbers } from './numerals.js';

export type EvidenceCell = string | number | boolean | null;

export interface ToolEvidence {
  summary: string;
  rows: Record<string, EvidenceCell>[];
}

export interface GroundingResult {
  grounded: boolean;
  /** The numbers (as written, after normalisation) that match nothing in the tool outputs. */
  ungrounded: string[];
}

/** What a known value measures, from its column name (or how a summary wrote it). */
type KnownUnit = 'money' | 'count' | 'fraction' | 'percent' | 'points' | 'number' | 'any';
type TokenUnit = 'percent' | 'points' | 'currency' | 'none';

interface Known {
  value: number;
  /** How far off the known value itself may be (numbers read from a summary are already rounded). */
  tolerance: number;
  unit: KnownUnit;
  /** Whether the sign is meaningful (false for counts, allowed numbers, differences in either order). */
  signed: boolean;
  /** Lower-cased names of the campaign/category the value belongs to; undefined = no entity. */
  owners?: Set<string>;
}

interface NumberToken {
  raw: string;
  start: number;
  end: number;
  readings: { value: number; decimals: number }[];
  unit: TokenUnit;
  /** +1 / −1 when written with an explicit sign, 0 otherwise. */
  sign: number;
  multiplier: number;
  words: boolean;
}

interface Mention {
  start: number;
  end: number;
  name: string;
}

const SMALL_COUNT_MAX = 10;
/** Differences between two rows' rates (for « points ») are computed for the first rows only. */
const MAX_ROWS_FOR_DIFFERENCES = 20;
const ISO_DATE = /(?<![\p{N}])\d{4}-\d{2}(?:-\d{2})?(?![\p{N}])/gu;
const MONTHS =
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|' +
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DAY_MONTH = new RegExp(`(?<![\\p{N}])\\d{1,2}(?:er|st|nd|rd|th)?\\.?\\s+(?:${MONTHS})\\b\\.?`, 'giu');
const MONTH_DAY = new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?![\\p{N}])`, 'giu');
const LIST_MARKER = /^(\s*)\d{1,2}[.)](?=\s)/gmu;
const NUMBER = /(?<![\p{L}\p{N}_])(?:\d{1,3}(?: \d{3})+(?:[.,]\d+)?|\d+(?:[.,']\d+)*)/gu;
const PERCENT_AFTER = /^\s?(?:%|pour\s?cent|percent|per\s?cent)/iu;
const POINTS_AFTER = /^\s?(?:points?|pts?\b\.?|pp\b|p\.\s?p\.)(?![\p{L}])/iu;
const MULTIPLIER_AFTER =
  /^\s?(k|mio|mios|millions?|mn|m|mds?|milliards?|billions?|bn|mille|thousand)(?![\p{L}])/iu;
const ORDINAL_AFTER = /^(?:er|re|ère|e|ème|eme|st|nd|rd|th)(?![\p{L}])/iu;
const TIMES_AFTER = /^[x×](?![\p{L}])/u;
const CURRENCY_BEFORE = /(?:CHF|EUR|USD|GBP|Fr\.|€|\$|£)\s?[+-]?\s?$/u;
const CURRENCY_AFTER = /^\s?(?:CHF|EUR|USD|GBP|€|\$|£|francs?\b|dollars?\b|euros?\b)/iu;
const SIGN_BEFORE = /(?<![\p{L}\p{N}_])([+-])\s?(?:(?:CHF|EUR|USD|GBP|Fr\.|€|\$|£)\s?)?$/u;
const WORD_MINUS_BEFORE = /(?<!\b(?:au|du|pas|at|no)\s)\b(?:moins|minus|négatifs? de|negative)\s+$/iu;
/** Between a figure and the entity it belongs to: « +120,5 % pour google_hot », "CHF 3 000 on search". */
const OWNER_AFTER =
  /^\s*(?:pour|chez|sur|for|of|at|on|by|from|with|avec|par|dans|in|de|du|des|d')\s*(?:(?:l[ae]|l'|the)\s*)?(?:(?:campagnes?|campaigns?|catégories?|categor(?:y|ies)|canal|channel)\s*)?[«"“(]?\s*$/iu;
const SEGMENT_END = /[.!?;](?=\s|$)|\n/gu;

export function checkGrounding(
  text: string,
  toolOutputs: ToolEvidence[],
  options: { allowed?: number[] } = {},
): GroundingResult {
  const known: Known[] = (options.allowed ?? []).map((value) => ({
    value,
    tolerance: 0,
    unit: 'any',
    signed: false,
  }));
  const dates = new Set<string>();
  const entities = new Map<string, string>(); // normalized lower-case name -> normalized name
  for (const output of toolOutputs) {
    for (const row of output.rows) {
      for (const cell of Object.values(row)) {
        if (typeof cell !== 'string') continue;
        const trimmed = cell.trim();
        if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) dates.add(trimmed.slice(0, 10));
        else if (!isNumeric(trimmed) && trimmed.length >= 2) {
          const name = normalizeNumerals(trimmed);
          entities.set(name.toLowerCase(), name);
        }
      }
    }
  }
  for (const output of toolOutputs) {
    known.push({ value: output.rows.length, tolerance: 0, unit: 'count', signed: false });
    for (const row of output.rows) addRow(row, known);
    addDifferences(output.rows.slice(0, MAX_ROWS_FOR_DIFFERENCES), known);
    const summary = normalizeNumerals(output.summary);
    for (const date of summary.match(ISO_DATE) ?? []) dates.add(date);
    const read = readText(blank(blank(summary, ISO_DATE), LIST_MARKER), entities);
    // Summaries are written by the tools in digits: words there (« un ROI ») are not figures.
    for (const token of read.tokens.filter((candidate) => !candidate.words)) {
      const owner = ownerOf(token, read);
      for (const reading of token.readings) {
        // A plain integer in a summary is a count, never a fraction to be read ×100 as a percentage.
        const unit = summaryUnit(token.unit);
        known.push({
          value: (token.sign || 1) * reading.value * token.multiplier,
          tolerance: (0.5 * token.multiplier) / 10 ** reading.decimals,
          unit: unit === 'number' && reading.decimals === 0 ? 'count' : unit,
          signed: true,
          ...(owner ? { owners: new Set([owner]) } : {}),
        });
      }
    }
  }
  const years = new Set([...dates].map((date) => Number(date.slice(0, 4))));
  const ungrounded: string[] = [];

  const normalized = normalizeNumerals(text);
  if (hasForeignNumerals(normalized)) ungrounded.push(normalized.replace(/[^\p{N}]/gu, ''));
  let rest = normalized.replace(ISO_DATE, (date) => {
    const found = date.length === 7 ? [...dates].some((known) => known.startsWith(date)) : dates.has(date);
    if (!found) ungrounded.push(date);
    return ' '.repeat(date.length);
  });
  rest = blank(blank(blank(rest, DAY_MONTH), MONTH_DAY), LIST_MARKER);

  const read = readText(rest, entities);
  for (const token of read.tokens) {
    if (isExempt(token, years)) continue;
    const owner = ownerOf(token, read);
    const candidates = owner ? known.filter((item) => !item.owners || item.owners.has(owner)) : known;
    if (!token.readings.some((reading) => matches(token, reading, candidates))) ungrounded.push(token.raw);
  }
  return { grounded: ungrounded.length === 0, ungrounded };
}

/** The numbers written in a text (every reading, as magnitudes), e.g. the question's « +35 % », for `allowed`. */
export function numbersIn(text: string): number[] {
  const normalized = normalizeNumerals(text);
  return readText(blank(normalized, ISO_DATE), new Map()).tokens.flatMap((token) =>
    token.readings.map((reading) => reading.value * token.multiplier),
  );
}

function isNumeric(text: string): boolean {
  return /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(text);
}

function columnUnit(column: string): KnownUnit {
  if (/pct|percent/i.test(column)) return 'percent';
  if (
    /spent|spend|revenue|budget|cost|amount|price|cp[lacm]\b|^cp[lacm]|montant|depense|dépense/i.test(column)
  )
    return 'money';
  if (/impressions|clicks|leads|orders|count|rows|days|^n$|_n$|^n_/i.test(column)) return 'count';
  return 'fraction';
}

function summaryUnit(unit: TokenUnit): KnownUnit {
  if (unit === 'percent') return 'percent';
  if (unit === 'points') return 'points';
  if (unit === 'currency') return 'money';
  return 'number';
}

function rowOwners(row: Record<string, EvidenceCell>): Set<string> | undefined {
  const owners = new Set<string>();
  for (const cell of Object.values(row)) {
    if (typeof cell !== 'string') continue;
    const trimmed = cell.trim();
    if (trimmed.length >= 2 && !isNumeric(trimmed) && !/^\d{4}-\d{2}-\d{2}/.test(trimmed))
      owners.add(normalizeNumerals(trimmed).toLowerCase());
  }
  return owners.size > 0 ? owners : undefined;
}

function addRow(row: Record<string, EvidenceCell>, known: Known[]): void {
  const owners = rowOwners(row);
  for (const [column, cell] of Object.entries(row)) {
    const value =
      typeof cell === 'number'
        ? cell
        : typeof cell === 'string' && isNumeric(cell.trim())
          ? Number(cell)
          : NaN;
    if (!Number.isFinite(value)) continue;
    const unit = columnUnit(column);
    known.push({ value, tolerance: 0, unit, signed: unit !== 'count', ...(owners ? { owners } : {}) });
    // A change of a rate (delta_ctr, rate_effect…) is written in points.
    if (unit === 'fraction' && /delta|change|diff|effect|variation|gap|ecart|écart/i.test(column)) {
      known.push({
        value: value * 100,
        tolerance: 0,
        unit: 'points',
        signed: true,
        ...(owners ? { owners } : {}),
      });
    }
  }
}

/** « 5 points de plus » : differences between two rows' rates, in points, either order. */
function addDifferences(rows: Record<string, EvidenceCell>[], known: Known[]): void {
  for (let i = 0; i < rows.length; i += 1) {
    for (let j = i + 1; j < rows.length; j += 1) {
      const a = rows[i]!;
      const b = rows[j]!;
      const owners = new Set([...(rowOwners(a) ?? []), ...(rowOwners(b) ?? [])]);
      for (const [column, cell] of Object.entries(a)) {
        const other = b[column];
        if (typeof cell !== 'number' || typeof other !== 'number' || columnUnit(column) !== 'fraction')
          continue;
        known.push({
          value: (cell - other) * 100,
          tolerance: 0,
          unit: 'points',
          signed: false,
          ...(owners.size > 0 ? { owners } : {}),
        });
      }
    }
  }
}

/** Replaces every match by spaces of the same length, so positions stay valid. */
function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match, ...groups) => {
    const lead = typeof groups[0] === 'string' && pattern === LIST_MARKER ? groups[0] : '';
    return lead + ' '.repeat(match.length - lead.length);
  });
}

interface ReadText {
  text: string;
  tokens: NumberToken[];
  mentions: Mention[];
  segmentEnds: number[];
}

/** Entity mentions (blanked so digits in names are not figures), then every number token with its context. */
function readText(source: string, entities: Map<string, string>): ReadText {
  const mentions: Mention[] = [];
  let text = source;
  const names = [...entities.keys()].sort((a, b) => b.length - a.length);
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'giu');
    text = text.replace(pattern, (match, offset: number) => {
      mentions.push({ start: offset, end: offset + match.length, name });
      return ' '.repeat(match.length);
    });
  }
  mentions.sort((a, b) => a.start - b.start);
  const segmentEnds = [...text.matchAll(SEGMENT_END)].map((match) => match.index ?? 0);
  const tokens = [...digitTokens(text), ...wordTokens(text)].sort((a, b) => a.start - b.start);
  return { text, tokens, mentions, segmentEnds };
}

function context(text: string, start: number, end: number) {
  const after = text.slice(end, end + 16);
  const before = text.slice(Math.max(0, start - 16), start);
  const percent = PERCENT_AFTER.exec(after);
  const points = percent ? null : POINTS_AFTER.exec(after);
  const unitLength = (percent ?? points)?.[0].length ?? 0;
  const currency = CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after);
  const unit: TokenUnit = percent ? 'percent' : points ? 'points' : currency ? 'currency' : 'none';
  const signMatch = SIGN_BEFORE.exec(before);
  const sign = signMatch ? (signMatch[1] === '-' ? -1 : 1) : WORD_MINUS_BEFORE.test(before) ? -1 : 0;
  return { after, unit, unitLength, sign };
}

function digitTokens(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const raw = match[0];
    const start = match.index ?? 0;
    const end = start + raw.length;
    const { after, unit, unitLength, sign } = context(text, start, end);
    const multiplierWord =
      unit === 'percent' || unit === 'points' ? undefined : after.match(MULTIPLIER_AFTER)?.[1];
    const ordinal = unit === 'none' && !multiplierWord && ORDINAL_AFTER.test(after);
    // Glued to other letters (« gpt-4o », « 3D »): part of a name, not a figure.
    if (
      unit !== 'percent' &&
      !multiplierWord &&
      !ordinal &&
      /^[\p{L}]/u.test(after) &&
      !TIMES_AFTER.test(after)
    )
      continue;
    const readings = readNumber(raw);
    if (readings.length === 0) {
      // « 1,2,3 »: a list of small numbers, not one grouped number.
      let offset = start;
      for (const part of raw.split(/[.,']/)) {
        tokens.push({
          raw: part,
          start: offset,
          end: offset + part.length,
          readings: readNumber(part),
          unit: 'none',
          sign: 0,
          multiplier: 1,
          words: false,
        });
        offset += part.length + 1;
      }
      continue;
    }
    tokens.push({
      raw: `${raw}${unit === 'percent' ? ' %' : unit === 'points' ? ' pts' : ''}`,
      start,
      end: end + unitLength,
      readings,
      unit:
        multiplierWord &&
        unit === 'none' &&
        CURRENCY_AFTER.test(after.slice(after.indexOf(multiplierWord) + multiplierWord.length))
          ? 'currency'
          : unit,
      sign,
      multiplier: multiplierWord ? multiplierOf(multiplierWord) : 1,
      words: false,
    });
  }
  return tokens;
}

function wordTokens(text: string): NumberToken[] {
  return wordNumbers(text).map((found) => {
    const { unit, unitLength, sign } = context(text, found.start, found.end);
    return {
      raw: `${found.raw}${unit === 'percent' ? ' %' : unit === 'points' ? ' pts' : ''}`,
      start: found.start,
      end: found.end + unitLength,
      readings: [{ value: found.value, decimals: found.decimals }],
      unit,
      sign,
      multiplier: 1,
      words: true,
    };
  });
}

/**
 * The entity a figure belongs to: named right after it with a preposition (« +120,5 % pour google_hot »), else
 * the last one named before it in the same sentence, else the first one named after it in that sentence.
 * Undefined when the sentence names none.
 */
function ownerOf(token: NumberToken, read: ReadText): string | undefined {
  const segmentEnd = read.segmentEnds.find((end) => end >= token.end) ?? read.text.length;
  const following = read.mentions.find(
    (mention) => mention.start >= token.end && mention.start <= segmentEnd,
  );
  if (following && OWNER_AFTER.test(read.text.slice(token.end, following.start))) return following.name;
  const segmentStart = [...read.segmentEnds].reverse().find((end) => end < token.start) ?? -1;
  const preceding = [...read.mentions]
    .reverse()
    .find((mention) => mention.end <= token.start && mention.start > segmentStart);
  // A sentence that names its entity only after the figure (« +277,3 % : youtube_blogger ») belongs to it too.
  return preceding?.name ?? following?.name;
}

/** Every plausible value of a written number; [] when it is not one number. */
function readNumber(raw: string): { value: number; decimals: number }[] {
  if (raw.includes(' ')) {
    const [integer = '', decimals = ''] = raw.replace(/ /g, '').split(/[.,]/);
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
  if (lower === 'k' || lower === 'mille' || lower === 'thousand') return 1e3;
  if (/^(mds?|milliards?|billions?|bn)$/.test(lower)) return 1e9;
  return 1e6;
}

function isExempt(token: NumberToken, years: Set<number>): boolean {
  const only = token.readings.length === 1 ? token.readings[0] : undefined;
  if (!only || only.decimals > 0 || token.unit !== 'none' || token.multiplier !== 1 || token.sign !== 0)
    return false;
  if (token.words) return only.value <= SMALL_COUNT_MAX;
  if (only.value >= 0 && only.value <= SMALL_COUNT_MAX && !/[.,' ]/.test(token.raw)) return true;
  return /^\d{4}$/.test(token.raw) && years.has(only.value);
}

/** The scales (1 or 100) a known value may be written at, for a token of this unit. */
function scales(unit: TokenUnit, candidate: Known): number[] {
  switch (unit) {
    case 'percent':
      if (candidate.unit === 'fraction' || candidate.unit === 'number') return [100];
      if (candidate.unit === 'percent') return [1];
      return candidate.unit === 'any' ? [1, 100] : [];
    case 'points':
      return candidate.unit === 'points' || candidate.unit === 'any' ? [1] : [];
    case 'currency':
      return ['money', 'number', 'any'].includes(candidate.unit) ? [1] : [];
    case 'none':
      return candidate.unit === 'points' ? [] : [1];
  }
}

function matches(token: NumberToken, reading: { value: number; decimals: number }, known: Known[]): boolean {
  const written = Math.abs(reading.value * token.multiplier);
  let tolerance = (0.5 * token.multiplier) / 10 ** reading.decimals;
  const trailingZeros = reading.decimals === 0 ? (String(reading.value).match(/0+$/)?.[0].length ?? 0) : 0;
  if (trailingZeros > 0 && token.multiplier === 1) {
    tolerance = Math.max(tolerance, Math.min(10 ** trailingZeros / 2, written * 0.01));
  }
  return known.some((candidate) => {
    if (
      token.sign !== 0 &&
      candidate.signed &&
      candidate.value !== 0 &&
      Math.sign(candidate.value) !== token.sign
    )
      return false;
    return scales(token.unit, candidate).some((scale) => {
      const slack = tolerance + candidate.tolerance * scale + 1e-9 * Math.max(1, written);
      return Math.abs(written - Math.abs(candidate.value) * scale) <= slack;
    });
  });
}
