// « par canal », « vs »: words the lexicon lets pass because rules read them. A reading that lost that shape (one
// total instead of a figure per channel, one side of a comparison) is a guess, asked back; a reading that carries it
// is left alone. Plans are built by hand here, so the guard is checked apart from the parser.
import { describe, expect, test } from '@jest/globals';
import { droppedShape } from '../../agent/nlu/shape-guard.js';
import type { Plan } from '../../src/analysis/plan.js';

const planOf = (...calls: Plan['calls']): Plan => ({
  intent: 'kpi_qa',
  language: 'fr',
  calls,
  confidence: 0.85,
});
const total = { tool: 'query_metrics', args: { metrics: ['revenue'] } };

describe('the shape of a question kept by its reading', () => {
  test('« par levier » read as one total: the phrase is unexplained', () => {
    expect(droppedShape('le CA par levier ce mois', planOf(total))).toEqual(['par levier']);
  });
  test('a figure per channel, per day, a preset per member, a forecast « par jour »: nothing dropped', () => {
    const perChannel = { tool: 'query_metrics', args: { metrics: ['revenue'], group_by: ['category'] } };
    expect(droppedShape('le CA par canal', planOf(perChannel))).toEqual([]);
    expect(droppedShape('CA par jour', planOf({ tool: 'kpi_trend', args: { metric: 'revenue' } }))).toEqual(
      [],
    );
    expect(
      droppedShape(
        '5000 CHF par jour sur le search',
        planOf({ tool: 'predict_revenue', args: { budget: 5000 } }),
      ),
    ).toEqual([]);
  });
  test('« vs » with one side only: dropped; two sides or a compared period: kept', () => {
    expect(droppedShape('CA de google_hot vs google_wide', planOf(total))).toEqual(['vs']);
    expect(droppedShape('CA de google_hot vs google_wide', planOf(total, total))).toEqual([]);
    const compared = {
      tool: 'query_metrics',
      args: { metrics: ['revenue'], compare_to: { date_from: '2021-02-15' } },
    };
    expect(droppedShape('CA semaine dernière vs la précédente', planOf(compared))).toEqual([]);
    expect(droppedShape('top 3 par ROI', planOf(total))).toEqual([]);
  });
  test('a question already asked back is left alone', () => {
    expect(droppedShape('le CA par levier', { ...planOf(), clarification: 'Lequel ?' })).toEqual([]);
  });
});
