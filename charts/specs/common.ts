// What every spec builder shares: its input and the outer frame (size, title, theme, locale).
import type { TopLevelSpec } from 'vega-lite';
import type { ChartRequest } from '../../src/core/answer.js';
import { chartConfig, WIDTH } from '../theme.js';
import type { ChartContext } from '../values.js';

export interface SpecInput {
  request: ChartRequest;
  context: ChartContext;
}

// biome-ignore lint/suspicious/noExplicitAny: vega-lite's unit/layer spec types are a deep union; the builders are checked by compile() in the tests.
export type SpecBody = Record<string, any>;

/** A complete spec: fixed outer size (autosize fit), title, theme and locale around a builder's layers. */
export function frame(input: SpecInput, height: number, body: SpecBody, subtitle?: string): TopLevelSpec {
  const { request, context } = input;
  return {
    width: WIDTH,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    config: chartConfig(context.currency),
    // A long subtitle goes on several lines (at « · »): a chart is narrow enough for a phone.
    title: subtitle ? { text: request.title, subtitle: subtitle.split(' · ') } : { text: request.title },
    ...body,
  } as TopLevelSpec;
}

/** An axis whose labels never overlap (vega drops the ones that would). */
export function axis(options: SpecBody): SpecBody {
  return { labelOverlap: true, ...options };
}

/** Bars a phone can show legibly; the table fallback and the alt text keep every row. */
export const MAX_BARS = 15;

/** The first `max` rows, and a subtitle saying so when rows were left out. */
export function firstRows<T>(rows: T[], max: number, language: 'fr' | 'en'): { rows: T[]; note?: string } {
  if (rows.length <= max) return { rows };
  const note = language === 'fr' ? `${max} premiers sur ${rows.length}` : `first ${max} of ${rows.length}`;
  return { rows: rows.slice(0, max), note };
}
