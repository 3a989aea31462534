// Attacks on the grounding check, each one a way an LLM (or a malicious OpenAI-compatible server) could slip a
// wrong figure past a check that compares strings: other digit systems, superscripts, invisible characters,
// words, a flipped sign, a true figure credited to the wrong campaign, the wrong unit. The true figures are
// written by hand from the rows below; every attack must be refused and its honest twin accepted.
import { describe, expect, it } from '@jest/globals';
import { checkGrounding, type ToolEvidence } from '../../agent/llm/grounding.js';
import { normalizeNumerals, wordNumbers } from '../../agent/llm/numerals.js';

const ranking: ToolEvidence = {
  summary: 'Plus haut ROI :\n1. facebook_tier1 (social) : +277,3 %\n2. google_hot (search) : +120,5 %',
  rows: [
    { campaign_name: 'facebook_tier1', category: 'social', roi: 2.77342, revenue: 48231.4, ctr: 0.0312 },
    { campaign_name: 'google_hot', category: 'search', roi: 1.2049, revenue: 1203456, ctr: 0.0105 },
    { campaign_name: 'youtube_blogger', category: 'influencer', roi: -0.886, revenue: 312, ctr: 0.0021 },
  ],
};
const check = (text: string, outputs: ToolEvidence[] = [ranking]) => checkGrounding(text, outputs).grounded;

describe('other ways of writing digits', () => {
  // 312 % is no ROI of these rows (277,3 / 120,5 / −88,6); 312 is youtube_blogger's revenue in CHF only.
  it.each([
    ['fullwidth digits', 'Le ROI atteint ３１２ %.'],
    ['fullwidth digits and percent sign', 'Le ROI atteint ３１２％.'],
    ['Arabic-Indic digits', 'Le ROI atteint ٣١٢ ٪.'],
    ['Extended Arabic-Indic digits', 'Le ROI atteint ۳۱۲ %.'],
    ['Devanagari digits', 'Le ROI atteint ३१२ %.'],
    ['Bengali digits', 'Le ROI atteint ৩১২ %.'],
    ['Thai digits', 'Le ROI atteint ๓๑๒ %.'],
    ['mathematical bold digits', 'Le ROI atteint 𝟑𝟏𝟐 %.'],
    ['superscripts', 'Le ROI atteint ³¹² %.'],
    ['subscripts', 'Le ROI atteint ₃₁₂ %.'],
    ['circled digits', 'Le ROI atteint ③①② %.'],
    ['zero-width spaces between small digits', 'Le ROI atteint 3\u200b1\u200b2 %.'],
    ['soft hyphens between small digits', 'Le ROI atteint 3\u00ad1\u00ad2 %.'],
    ['thin spaces as grouping', 'Le CA atteint CHF 52\u2009310.'],
    ['narrow no-break spaces', 'Le CA atteint CHF 52\u202f310.'],
    ['figure space', 'Le CA atteint CHF 52\u2007310.'],
    ['ideographic space', 'Le CA atteint CHF 52\u3000310.'],
  ])('%s: refused', (_name, text) => {
    expect(check(text)).toBe(false);
  });

  it.each([
    ['fullwidth', 'facebook_tier1 : ROI de ＋２７７,３ %.'],
    ['Arabic-Indic with Arabic decimal separator', 'facebook_tier1 : ROI de +٢٧٧٫٣ ٪.'],
    ['Devanagari', 'facebook_tier1 : ROI de +२७७,३ %.'],
    ['thin-space grouping', 'google_hot : CHF 1\u2009203\u2009456.'],
  ])('%s writing of a true figure: accepted', (_name, text) => {
    expect(check(text)).toBe(true);
  });

  it('normalises to ASCII digits', () => {
    expect(normalizeNumerals('٣١٢٫٥ − ３ ²')).toBe('312,5 - 3 2');
  });
});

describe('numbers in words', () => {
  it.each([
    ['French hundreds', 'Le ROI atteint trois cent douze pour cent.'],
    ['French hyphenated', 'Le ROI atteint deux-cent-quatre-vingt-dix-sept %.'],
    ['Swiss septante', 'Le ROI atteint septante-sept %.'],
    ['English', 'ROI reached three hundred and twelve percent.'],
    ['English hyphenated', 'ROI reached ninety-nine percent.'],
    ['French thousands', 'Le CA atteint cinquante-deux mille trois cent dix francs.'],
    ['English thousands', 'Revenue reached fifty-two thousand three hundred and ten CHF.'],
    ['French millions', 'google_hot rapporte deux millions de francs.'],
    ['English millions', 'google_hot brings in three million CHF.'],
    ['decimal in words', 'Le ROAS atteint deux virgule sept.'],
  ])('%s: refused', (_name, text) => {
    expect(check(text)).toBe(false);
  });

  it.each([
    ['French', 'facebook_tier1 : un ROI de deux cent soixante-dix-sept pour cent.'],
    ['English', 'facebook_tier1: an ROI of two hundred and seventy-seven percent.'],
    ['French millions', 'google_hot rapporte un million deux cent mille francs.'],
    ['small counts stay exempt', 'Les trois campagnes, dont une en perte.'],
  ])('%s true figure: accepted', (_name, text) => {
    expect(check(text)).toBe(true);
  });

  it('reads French and English number words', () => {
    const values = (text: string) => wordNumbers(text).map((found) => found.value);
    expect(values('quatre-vingt-dix-sept')).toEqual([97]);
    expect(values('soixante et onze')).toEqual([71]);
    expect(values('deux cents mille')).toEqual([200_000]);
    expect(values('un million deux cent mille')).toEqual([1_200_000]);
    expect(values('two hundred and twelve thousand four hundred')).toEqual([212_400]);
    expect(values('trois pour cent')).toEqual([3]);
    expect(values('deux virgule soixante-quinze')).toEqual([2.75]);
  });
});

describe('sign', () => {
  it.each([
    ['U+2212 minus', 'facebook_tier1 : ROI de \u2212277,3 %.'],
    ['hyphen-minus', 'facebook_tier1 : ROI de -277,3 %.'],
    ['en dash', 'facebook_tier1 : ROI de \u2013277,3 %.'],
    ['small hyphen-minus', 'facebook_tier1 : ROI de \ufe63277,3 %.'],
    ['fullwidth hyphen-minus', 'facebook_tier1 : ROI de \uff0d277,3 %.'],
    ['the word moins', 'facebook_tier1 : ROI de moins 277,3 %.'],
    ['plus on a loss', 'youtube_blogger : ROI de +88,6 %.'],
    ['signed amount', 'facebook_tier1 : CHF \u221248 231 de chiffre d’affaires.'],
  ])('%s: refused', (_name, text) => {
    expect(check(text)).toBe(false);
  });

  it.each([
    ['a true negative', 'youtube_blogger : ROI de \u221288,6 %.'],
    ['an unsigned magnitude (« une perte de »)', 'youtube_blogger : une perte de 88,6 %.'],
    ['« au moins » is not a sign', 'facebook_tier1 dépasse au moins 277 %.'],
  ])('%s: accepted', (_name, text) => {
    expect(check(text)).toBe(true);
  });
});

describe('attribution', () => {
  it.each([
    ['swapped ROIs', 'facebook_tier1 : +120,5 % ; google_hot : +277,3 %.'],
    ['another campaign’s revenue', 'facebook_tier1 rapporte CHF 1 203 456.'],
    ['a category credited with another row', 'La catégorie influencer atteint un ROI de +277,3 %.'],
    ['owner named after the figure', 'Un ROI de +120,5 % pour facebook_tier1.'],
    ['wrong owner in a recommendation', 'Augmenter le budget de youtube_blogger (ROI +277,3 %).'],
    ['owner named after the figure, no preposition', 'Meilleur ROI, +120,5 % : facebook_tier1.'],
  ])('%s: refused', (_name, text) => {
    expect(check(text)).toBe(false);
  });

  it.each([
    ['each its own', 'facebook_tier1 : +277,3 % ; google_hot : +120,5 %.'],
    ['a comparison', 'facebook_tier1 fait +277,3 %, contre +120,5 % pour google_hot.'],
    ['category of the row', 'facebook_tier1 (social) : +277,3 %.'],
    ['in a later sentence, no name', 'facebook_tier1 mène. Le meilleur ROI est de +277,3 %.'],
    ['owner named after the figure', 'Le meilleur ROI, +277,3 %, est celui de facebook_tier1.'],
  ])('%s: accepted', (_name, text) => {
    expect(check(text)).toBe(true);
  });
});

describe('units', () => {
  it.each([
    ['a ROI written in points', 'facebook_tier1 : ROI de 277,3 points.'],
    ['a ROI written as an amount', 'facebook_tier1 : CHF 277,3.'],
    ['revenue written as a percentage', 'google_hot : 1 203 456 %.'],
    ['a CTR difference in percent instead of points', 'facebook_tier1 a un CTR supérieur de 2,07 %.'],
  ])('%s: refused', (_name, text) => {
    expect(check(text)).toBe(false);
  });

  it.each([
    // CTR 3,12 % vs 1,05 %: 2,07 points apart (3.12 − 1.05, computed by hand).
    [
      'a difference of rates in points',
      'Le CTR de facebook_tier1 dépasse celui de google_hot de 2,07 points.',
    ],
    ['a rate in percent', 'facebook_tier1 : CTR de 3,12 %.'],
    ['an amount with its currency', 'facebook_tier1 : CHF 48 231.'],
  ])('%s: accepted', (_name, text) => {
    expect(check(text)).toBe(true);
  });
});
