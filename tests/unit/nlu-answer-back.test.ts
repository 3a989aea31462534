// A reply to a question back picks one of the offered readings: by the metric it names, a name, or its position —
// and only when exactly one reading fits (else it is read as a new question).
import { describe, expect, test } from '@jest/globals';
import { chooseOption } from '../../agent/nlu/answer-back.js';
import { planOffline } from '../../agent/nlu/offline-planner.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';

const plan = (text: string) => planOffline({ text, catalog: SAMPLE_CATALOG });
const METRIC_OPTIONS = [
  'les résultats de youtube_blogger — les commandes',
  'les résultats de youtube_blogger — les leads',
  "les résultats de youtube_blogger — le chiffre d'affaires",
];

describe('chooseOption', () => {
  test.each([
    ['le CA', 2],
    ["je pensais au chiffre d'affaires", 2],
    ['I meant revenue', 2],
    ['les leads', 1],
    ['la première', 0],
    ['2', 1],
  ])('« %s » picks option %i', (reply, index) => {
    expect(chooseOption(reply, METRIC_OPTIONS, SAMPLE_CATALOG, plan)).toBe(METRIC_OPTIONS[index]);
  });

  test('a name picks the reading about that name', () => {
    const options = ['CA de facebook_tier1 ?', 'CA de instagram_tier1 ?'];
    expect(chooseOption('instagram_tier1', options, SAMPLE_CATALOG, plan)).toBe(options[1]);
  });

  test('a name prefix picks the option whose campaign starts so (« celle de facebook »)', () => {
    const options = ['le CPC de facebOOK_tier2 ?', 'le CPC de instagram_tier2 ?'];
    expect(chooseOption('celle de facebook', options, SAMPLE_CATALOG, plan)).toBe(options[0]);
    expect(chooseOption('the instagram one', options, SAMPLE_CATALOG, plan)).toBe(options[1]);
  });

  test('a reply that fits none, or a new question, picks nothing', () => {
    expect(chooseOption('le CTR', METRIC_OPTIONS, SAMPLE_CATALOG, plan)).toBeUndefined();
    expect(chooseOption('merci', METRIC_OPTIONS, SAMPLE_CATALOG, plan)).toBeUndefined();
    expect(
      chooseOption(
        'quelles campagnes ont le meilleur ROI sur la semaine dernière par catégorie ?',
        METRIC_OPTIONS,
        SAMPLE_CATALOG,
        plan,
      ),
    ).toBeUndefined();
  });
});
