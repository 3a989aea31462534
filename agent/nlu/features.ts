// Everything the offline planner reads from one question, extracted once: the router and the follow-up
// logic only combine these values, they never look at the text again.

import type { Catalog, Dimension, Grain } from '../../src/analysis/vocabulary.js';
import type { Language } from '../../src/core/answer.js';
import type { Metric } from '../../src/core/metrics.js';
import type { DateRange } from './dates.js';
import {
  ALL_CATEGORIES,
  type CampaignMatch,
  findCampaign,
  findCategories,
  findCategory,
  mask,
} from './entities.js';
import { findGrain, findGroupBy, SIGNALS } from './intents.js';
import { detectLanguage } from './language.js';
import { type DirectionWord, findDirectionWord, findMetrics } from './metrics.js';
import { normalize, prepare } from './normalize.js';
import {
  findCount,
  findMoney,
  findPercentChange,
  findRoiThreshold,
  findSegmentCount,
  findVolume,
} from './numbers.js';
import { findPeriod } from './periods.js';

export type SignalName = keyof typeof SIGNALS;

export interface Features {
  /** Prepared text (normalized, typos corrected, number words as digits), campaign name blanked out. */
  text: string;
  /** The question as written (for buttons that say it back). */
  original: string;
  language: Language;
  /** Nothing but spaces and punctuation. */
  empty: boolean;
  signals: Record<SignalName, boolean>;
  metrics: Metric[];
  directionWord?: DirectionWord;
  count?: number;
  percent?: number;
  roiThreshold?: number;
  money?: number;
  impressions?: number;
  clicks?: number;
  dates?: DateRange;
  category?: string;
  /** Every category named, in reading order (« du social vers le search »). */
  categories: string[];
  allCategories: boolean;
  campaign: CampaignMatch;
  grain?: Grain;
  groupBy?: Dimension;
  k?: number;
}

export function extractFeatures(question: string, catalog: Catalog): Features {
  const normalized = normalize(question);
  const prepared = prepare(question);
  const campaign = findCampaign(prepared, catalog);
  const text = mask(prepared, campaign.span);
  const signals = Object.fromEntries(
    // « sur fb ads »: the platform's name reads as a campaign name (masked), so an action in it is read unmasked.
    Object.entries(SIGNALS).map(([name, pattern]) => [
      name,
      pattern.test(name === 'platformAction' ? prepared : text),
    ]),
  ) as Record<SignalName, boolean>;
  return {
    text,
    original: question,
    language: detectLanguage(normalized),
    empty: !/[\p{L}\p{N}]/u.test(normalized),
    signals,
    metrics: findMetrics(text, question.slice(0, 1000)),
    directionWord: findDirectionWord(text),
    count: findCount(text),
    percent: findPercentChange(text),
    roiThreshold: findRoiThreshold(text),
    money: findMoney(text),
    impressions: findVolume(text, 'impressions'),
    clicks: findVolume(text, 'clicks'),
    dates: findPeriod(text, catalog.lastDay),
    category: findCategory(text, catalog),
    categories: findCategories(text, catalog),
    allCategories: ALL_CATEGORIES.test(text),
    campaign,
    grain: findGrain(text),
    groupBy: findGroupBy(text),
    k: findSegmentCount(text),
  };
}
