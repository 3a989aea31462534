// Reading numbers the way a person does, whatever their writing: Unicode normalisation (NFKC folds fullwidth
// digits, superscripts and the many spaces; every other decimal digit system is folded here), minus signs,
// invisible characters, and numbers written in words (French and English, up to the billions).
// Used by the grounding check, where an LLM must not slip a figure past a check that only knows ASCII digits.

/** Characters that read as a minus sign (or a dash that could be one) — folded to '-'. */
const MINUS_SIGNS = /[\u2212\u2012\u2013\u2014\u2010\u2011\ufe63\uff0d\u2796\u02d7]/g;
/** Apostrophes used as Swiss digit grouping (1’203’456). */
const APOSTROPHES = /[\u2019\u02bc\u2032\uff07]/g;
/** Invisible format characters (zero-width spaces and joiners, soft hyphen, BOM): removed. */
const INVISIBLE = /[\p{Cf}\u00ad]/gu;
const NON_ASCII_DIGIT = /[^0-9]/u;

/** Text whose numbers read as ASCII: `３１２ ％` → `312 %`, `٣١٢٫٥` → `312.5`, `−5` → `-5`, `²` → `2`. */
export function normalizeNumerals(text: string): string {
  let out = text.normalize('NFKC').replace(INVISIBLE, '');
  out = out
    .replace(/\u066a/g, '%') // Arabic percent sign
    .replace(/\u066b/g, ',') // Arabic decimal separator
    .replace(/\u066c/g, ' ') // Arabic thousands separator
    .replace(MINUS_SIGNS, '-')
    .replace(APOSTROPHES, "'")
    .replace(/[\u2000-\u200a\u202f\u205f\u3000\u00a0]/g, ' ');
  return out.replace(/\p{Nd}/gu, (digit) => (NON_ASCII_DIGIT.test(digit) ? asciiDigit(digit) : digit));
}

/** Any digit or number character left that is not ASCII (none should be): the check fails closed on it. */
export function hasForeignNumerals(text: string): boolean {
  return /[^0-9]/u.test(text.replace(/[^\p{N}]/gu, ''));
}

/**
 * The value of a decimal digit of any script. Unicode encodes each system's digits as ten consecutive code
 * points from zero, so the value is the distance to the start of its run (runs of several systems are
 * themselves multiples of ten).
 */
function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0) ?? 0;
  let start = code;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((code - start) % 10);
}

// ── Numbers in words ──────────────────────────────────────────────────────────────────────────────────────

const UNITS: Record<string, number> = {
  zéro: 0,
  zero: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  septante: 70,
  huitante: 80,
  octante: 80,
  nonante: 90,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const HUNDRED = new Set(['cent', 'cents', 'hundred', 'hundreds']);
const SCALES: Record<string, number> = {
  mille: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
  billion: 1e9,
  billions: 1e9,
};
const JOINERS = new Set(['et', 'and']);
const DECIMAL_WORDS = new Set(['virgule', 'point']);

export interface WordNumber {
  start: number;
  end: number;
  raw: string;
  value: number;
  decimals: number;
}

const WORD = /[\p{L}]+/gu;

function isNumberWord(word: string): boolean {
  return word in UNITS || HUNDRED.has(word) || word in SCALES;
}

/**
 * Numbers written in words: « trois cent douze », « quatre-vingt-dix-sept », "two hundred and seventy-seven",
 * « deux virgule sept ». Positions refer to `text`. « pour cent » / "per cent" is a unit, not a hundred.
 */
export function wordNumbers(text: string): WordNumber[] {
  const words = [...text.matchAll(WORD)].map((match) => ({
    word: match[0].toLowerCase(),
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
  const found: WordNumber[] = [];
  let i = 0;
  while (i < words.length) {
    const first = words[i]!;
    const previous = words[i - 1]?.word;
    // « pour cent » / "per cent" is a unit; "50 cents" is money, « deux cents » a number.
    const notANumber =
      (HUNDRED.has(first.word) && (previous === 'pour' || previous === 'per')) || first.word === 'cents';
    if (!isNumberWord(first.word) || notANumber) {
      i += 1;
      continue;
    }
    // The run of number words, joined only by spaces, hyphens or « et » / "and".
    let j = i;
    const run = [first];
    while (j + 1 < words.length) {
      const next = words[j + 1]!;
      const gap = text.slice(words[j]!.end, next.start);
      if (!/^[\s-]*$/.test(gap)) break;
      if (JOINERS.has(next.word) && j + 2 < words.length) {
        const after = words[j + 2]!;
        if (isNumberWord(after.word) && /^[\s-]*$/.test(text.slice(next.end, after.start))) {
          j += 2;
          run.push(after);
          continue;
        }
        break;
      }
      if (!isNumberWord(next.word)) break;
      run.push(next);
      j += 1;
    }
    let value = wordsValue(run.map((item) => item.word));
    let end = run.at(-1)!.end;
    let decimals = 0;
    // « deux virgule sept », "two point five": the decimals, read as a whole number of digits.
    const decimalWord = words[j + 1];
    const decimalDigits = words[j + 2];
    if (
      value !== undefined &&
      decimalWord &&
      decimalDigits &&
      DECIMAL_WORDS.has(decimalWord.word) &&
      /^\s+$/.test(text.slice(end, decimalWord.start)) &&
      decimalDigits.word in UNITS
    ) {
      let k = j + 2;
      const fraction = [decimalDigits];
      while (k + 1 < words.length && words[k + 1]!.word in UNITS) {
        if (!/^[\s-]*$/.test(text.slice(words[k]!.end, words[k + 1]!.start))) break;
        fraction.push(words[k + 1]!);
        k += 1;
      }
      const fractionValue = wordsValue(fraction.map((item) => item.word));
      if (fractionValue !== undefined) {
        decimals = String(fractionValue).length;
        value += fractionValue / 10 ** decimals;
        end = fraction.at(-1)!.end;
        j = k;
      }
    }
    if (value !== undefined) {
      found.push({ start: first.start, end, raw: text.slice(first.start, end), value, decimals });
    }
    i = j + 1;
  }
  return found;
}

/** The value of a run of number words (« quatre vingt dix » = 90, "two hundred seventy seven" = 277). */
function wordsValue(words: string[]): number | undefined {
  let total = 0;
  let current = 0;
  let previous: string | undefined;
  for (const word of words) {
    if (word in UNITS) {
      const unit = UNITS[word]!;
      // « quatre-vingt(s) » = 4 × 20
      if ((word === 'vingt' || word === 'vingts') && previous === 'quatre') current += 80 - 4;
      else current += unit;
    } else if (HUNDRED.has(word)) {
      current = (current === 0 ? 1 : current) * 100;
    } else if (word in SCALES) {
      total += (current === 0 ? 1 : current) * SCALES[word]!;
      current = 0;
    } else {
      return undefined;
    }
    previous = word;
  }
  return total + current;
}
