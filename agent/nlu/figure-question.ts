// What every reading of a figure question looks at: the parse, and what the question is about (campaigns or
// channels, a ranking, the sides named). Each reading (the *-reading.ts modules) returns a plan, PRESET when the
// router's preset tools answer the question (metric-question.ts then gives none), or undefined when the question
// is not of its kind.
import type { Catalog } from '../../src/analysis/vocabulary.js';
import type { Language } from '../../src/core/answer.js';
import type { Metric } from '../../src/core/metrics.js';
import { type Args, type MetricReading, type Parsed, sidesOf } from './figure-parse.js';
import { CATEGORY_OBJECT, PER_CATEGORY, RANK_WORDS } from './figure-words.js';

export interface FigureQuestion {
  p: Parsed;
  text: string;
  /** The first metric named (the one a ranking or a threshold is on). */
  metric?: Metric;
  catalog: Catalog;
  language: Language;
  /** The other part's parse, for the second part of a multi-part question. */
  inherited?: Parsed;
  /** Channels (categories) are the object: « quel canal … », « par catégorie ». */
  categoryObject: boolean;
  group: 'category' | 'campaign_name';
  /** No campaign or family named, one category at most: the preset tools' scope. */
  presetScope: boolean;
  sides: Args[];
  ranked: boolean;
}

const WHICH_CHANNELS =
  /\b(?:quels|quelles|lesquels|lesquelles|which(?: of (?:our|the))?) (?:canaux|channels|categories|leviers|types de campagnes)\b/;

export const PRESET = 'preset' as const;
export type Reading = MetricReading | typeof PRESET | undefined;

export function figureQuestion(
  p: Parsed,
  catalog: Catalog,
  language: Language,
  inherited?: Parsed,
): FigureQuestion {
  const text = p.text;
  // « quels canaux (social, search, influence, media) ont un ROI > 20 % ? »: channels asked about, named as candidates.
  const amongChannels = WHICH_CHANNELS.test(text) && p.scope.categories.length >= 2;
  const categoryObject =
    PER_CATEGORY.test(text) ||
    (CATEGORY_OBJECT.test(text) && p.scope.categories.length === 0) ||
    amongChannels;
  return {
    p,
    text,
    metric: p.metrics[0],
    catalog,
    language,
    inherited,
    categoryObject,
    group: categoryObject ? 'category' : 'campaign_name',
    presetScope:
      p.scope.campaigns.length === 0 && p.scope.prefixes.length === 0 && p.scope.categories.length <= 1,
    sides: sidesOf(p.scope),
    ranked: RANK_WORDS.test(text) || p.count !== undefined || /\bmieux\b|\bbetter\b/.test(text),
  };
}
