// A message dictated to a phone: speech-to-text writes what it heard. KPI acronyms come out letter by letter (« le c p
// a », "see pee a", « le r o i »), names split or sounded out (« face book », « insta gramme », « you tube », « tiers un »,
// « l a l »), numbers as words (« la semaine du vingt deux », "zero point five percent", "a hundred thousand a day",
// "february fourteenth"). Written back as typed, on the normalized text (lower case, no accents), before any rule reads
// it; each rewrite needs the form around it, so ordinary words stay what they are.

/** Letter names as speech-to-text writes them, by letter (French and English). */
const LETTER: Record<string, string> = {
  c: 'c', ce: 'c', see: 'c', sea: 'c', p: 'p', pe: 'p', pee: 'p', a: 'a', m: 'm', em: 'm', l: 'l', el: 'l',
  t: 't', te: 't', tee: 't', r: 'r', are: 'r', erre: 'r', o: 'o', oh: 'o', i: 'i', eye: 'i', v: 'v', ve: 'v',
  vee: 'v', s: 's', es: 's', esse: 's',
}; // biome-ignore format: a table
/** The acronyms a question may spell out. */
const ACRONYMS = new Set(['cpa', 'cpm', 'cpc', 'cpl', 'ctr', 'cvr', 'roi', 'roas']);
const LETTER_WORD = Object.keys(LETTER)
  .sort((a, b) => b.length - a.length)
  .join('|');
const SPELLED = new RegExp(`\\b(?:${LETTER_WORD})(?: (?:${LETTER_WORD})){2,3}\\b`, 'g');

const UNITS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, zero: 0,
}; // biome-ignore format: a table
const TENS: Record<string, number> = {
  vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, nonante: 90,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}; // biome-ignore format: a table
const DIGIT_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  cinq: '5', deux: '2', trois: '3', quatre: '4', huit: '8', neuf: '9', sept: '7',
}; // biome-ignore format: a table
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty first': 21, 'twenty second': 22, 'twenty third': 23,
  'twenty fourth': 24, 'twenty fifth': 25, 'twenty sixth': 26, 'twenty seventh': 27, 'twenty eighth': 28,
}; // biome-ignore format: a table
const ORDINAL_WORDS = Object.keys(ORDINALS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The brands a sounded-out name part follows (« facebook tiers un », « insta tir deux »). */
const BRAND = '(?:facebook|instagram|insta|fb|ig)';
// Built once: normalize() runs many times per question (each word tried by unexplained.ts reads the text again).
const LAL_SOUNDED = new RegExp(String.raw`\b(${BRAND}) la la\b`, 'g');
const TIER_SOUNDED = new RegExp(
  String.raw`\b(${BRAND}) (?:tiers?|tir|teer|tear) (un|one|1|deux|two|2)\b`,
  'g',
);
const MONTH_ORDINAL = new RegExp(String.raw`\b(february|feb) (?:the )?(${ORDINAL_WORDS})\b`, 'g');
const ORDINAL_OF_MONTH = new RegExp(String.raw`\bthe (${ORDINAL_WORDS}) of (february|feb)\b`, 'g');

/** The normalized text with what speech-to-text wrote turned back into what people type. */
export function spokenForms(text: string): string {
  return (
    text
      // « le c p a », "see pee a", « le r o i »: an acronym spelled out.
      .replace(SPELLED, (spelled) => {
        const joined = spelled
          .split(' ')
          .map((word) => LETTER[word])
          .join('');
        return ACRONYMS.has(joined) ? joined : spelled;
      })
      // « le c a de la semaine »: the CA (chiffre d'affaires).
      .replace(/\b(le|du|de|ton|notre|votre|en|of|the) c a\b/g, '$1 ca')
      // Names split or sounded out.
      .replace(/\bface ?book\b|\bfesse ?book\b|\bface bouc\b/g, 'facebook')
      .replace(/\binsta ?gramm?e?\b|\binstagramme\b/g, 'instagram')
      .replace(/\byou ?tube?\b/g, 'youtube')
      .replace(/\bre[- ]targeting\b/g, 'retargeting')
      .replace(/\bl a l\b/g, 'lal')
      .replace(LAL_SOUNDED, '$1 lal')
      .replace(
        TIER_SOUNDED,
        (_, brand: string, n: string) => `${brand} tier${/^(un|one|1)$/.test(n) ? 1 : 2}`,
      )
      .replace(/\bgoogle (?:waid|whyde|ouaide|ouaille)\b/g, 'google wide')
      // « google chaud »: the name translated by the keyboard (hot).
      .replace(/\bgoogle chaud\b/g, 'google hot')
      .replace(/\bbanane partn?er\b/g, 'banner partner')
      // « vingt deux », « trente et un », "twenty two": one number.
      .replace(
        /\b(vingt|trente|quarante|cinquante|soixante|septante|huitante|nonante|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]et[- ]|[- ])(un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|one|two|three|four|five|six|seven|eight|nine)\b/g,
        (_, tens: string, units: string) => String((TENS[tens] ?? 0) + (UNITS[units] ?? 0)),
      )
      // "zero point five", "point five percent", « zéro virgule cinq »: a decimal.
      .replace(
        /\b(?:(zero|oh|one|two|three|four|five|six|seven|eight|nine|\d+) )?point (zero|one|two|three|four|five|six|seven|eight|nine|\d)\b/g,
        (_, whole: string | undefined, decimal: string) =>
          `${whole === undefined || whole === 'oh' ? '0' : (DIGIT_WORDS[whole] ?? whole)}.${DIGIT_WORDS[decimal] ?? decimal}`,
      )
      .replace(
        /\b(zero|un|deux|trois|quatre|cinq|\d+) virgule (zero|un|deux|trois|quatre|cinq|six|sept|huit|neuf|\d)\b/g,
        (_, whole: string, decimal: string) =>
          `${whole === 'zero' ? '0' : whole === 'un' ? '1' : (DIGIT_WORDS[whole] ?? whole)},${decimal === 'un' ? '1' : decimal === 'zero' ? '0' : (DIGIT_WORDS[decimal] ?? decimal)}`,
      )
      // "a hundred thousand", « cent mille », "one hundred k": 100000.
      .replace(/\b(?:a|one) hundred (?:thousand|k)\b|\bcent mille\b/g, '100000')
      .replace(/\b(?:a|one) hundred\b/g, '100')
      // "four hundred chf": 400.
      .replace(
        /\b(two|three|four|five|six|seven|eight|nine) hundred\b/g,
        (_, digit: string) => `${Number(DIGIT_WORDS[digit]) * 100}`,
      )
      // "february fourteenth", "the fourteenth of february": the day.
      .replace(MONTH_ORDINAL, (_, month: string, ordinal: string) => `${month} ${ORDINALS[ordinal]}`)
      .replace(ORDINAL_OF_MONTH, (_, ordinal: string, month: string) => `${month} ${ORDINALS[ordinal]}`)
  );
}
