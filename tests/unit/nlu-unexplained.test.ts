// The unexplained-word guard: a word neither the lexicon nor the parse explains makes the offline reading a guess
// (the bot asks back). Each case is written so the guard can fail: without it the plan would answer.
import { describe, expect, test } from '@jest/globals';
import { isKnownWord } from '../../agent/nlu/lexicon.js';
import { planOffline, UNEXPLAINED_CONFIDENCE } from '../../agent/nlu/offline-planner.js';
import { withoutWord } from '../../agent/nlu/unexplained.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';

const plan = (text: string) => planOffline({ text, catalog: SAMPLE_CATALOG });

describe('unexplained words', () => {
  test('an unknown word the parse ignores is named and the reading loses its confidence', () => {
    const base = plan('Top 5 des campagnes par ROI');
    const odd = plan('Top 5 des campagnes par ROI zorglub');
    expect(base.unexplained).toBeUndefined();
    expect(odd.calls).toEqual(base.calls); // the same reading…
    expect(odd.unexplained).toEqual(['zorglub']); // …but a word of the question was not read
    expect(odd.confidence).toBeLessThanOrEqual(UNEXPLAINED_CONFIDENCE);
  });

  test('chat fillers, function words and redundant domain words are harmless', () => {
    for (const text of [
      'stp tu peux me donner le top 5 des campagnes par ROI, merci',
      'could you please show me the top 5 campaigns by ROI?',
      'quel est le chiffre d’affaires total de toutes les campagnes ?',
    ])
      expect(plan(text).unexplained).toBeUndefined();
  });

  test('a word that changes the reading is explained, even when the lexicon does not list it', () => {
    expect(isKnownWord('google_hot')).toBe(false);
    expect(plan('CA de google_hot').unexplained).toBeUndefined();
  });

  test('an ignored negation or exclusion is never harmless', () => {
    for (const word of ['pas', 'sauf', 'hors', 'not', 'except', 'without'])
      expect(isKnownWord(word)).toBe(false);
    // An exclusion of a member is read (exclusions.ts: the other categories)…
    expect(plan('top 5 des campagnes par ROI sauf le social').calls[0]?.args.categories).toEqual([
      'influencer',
      'media',
      'search',
    ]);
    // …any other negation is not: the rules read « facebook » as the scope, answering would give the opposite set.
    expect(plan('top 5 par ROI, pas les facebook').unexplained).toEqual(['pas']);
    expect(plan('ROI des campagnes sans leads').unexplained).toEqual(['sans']);
  });

  test('a typo the rules correct counts as the word it corrects', () => {
    expect(isKnownWord('meilleures')).toBe(true);
    expect(isKnownWord('meileures')).toBe(true);
    expect(isKnownWord('leds')).toBe(true); // a short measure word, corrected at distance 1 (« leds » → leads)
    expect(isKnownWord('bset')).toBe(false); // other short words are too close to each other to correct
  });

  test('a word of the data’s names is explained only by the names the plan uses', () => {
    // « retargetting » (one slip in a long name part) is read as that part: the plan uses facebook_retargeting.
    const typo = plan('le tx de clic du retargetting facebook');
    expect(typo.unexplained).toBeUndefined();
    expect(typo.calls).toEqual([
      { tool: 'query_metrics', args: { metrics: ['ctr'], campaigns: ['facebook_retargeting'] } },
    ]);
    // A word no name is close to stays unexplained (asked back).
    expect(plan('le tx de clic de zorglubtier').unexplained).toEqual(['zorglubtier']);
    // « youtub blogger »: both words lead to youtube_blogger, so neither is unexplained.
    expect(plan('retour sur investissement youtub blogger').unexplained).toBeUndefined();
  });

  test('pasted tokens and codes are never tried as words, so never echoed back', () => {
    const pasted = plan(
      'Top 5 des campagnes par ROI xoxb-1234567890-abcdefghijklmnop qwertzuiopasdfghjklyxcvbnmqwe',
    );
    expect(pasted.unexplained).toBeUndefined();
  });

  test('a question mostly unread is off topic, not a reading to confirm', () => {
    const sport = plan('who won the Champions League game last night?');
    expect(sport.intent).toBe('out_of_scope');
    expect(sport.calls).toEqual([]);
    // Two unread words still make a reading worth offering back.
    expect(plan('Top 5 des campagnes par ROI zorglub blorp').intent).not.toBe('out_of_scope');
  });

  test('withoutWord takes out whole words only and tidies the spaces', () => {
    expect(withoutWord('combien de leds sur instagram_tier2 ?', 'leds')).toBe(
      'combien de sur instagram_tier2?',
    );
    expect(withoutWord('ledsx leds', 'leds')).toBe('ledsx');
  });
});
