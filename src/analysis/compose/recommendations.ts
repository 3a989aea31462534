// The composer's recommendations: each tool's own rules over its rows, most specific first, at most 4. Only
// advice the figures shown support: no generic filler (a digest suggestion under every other answer taught people
// to skip the list), so a single figure or a comparison may carry none.
import type { Language } from '../../core/answer.js';
import { toolOf } from '../tools/registry.js';
import type { ToolOutput } from '../tools/types.js';

/** Up to 4 recommendations for the tool outputs of one answer, each resting on their figures. */
export function recommend(outputs: ToolOutput[], language: Language, currency: string): string[] {
  const specific = outputs.flatMap((output) => toolOf(output.tool).recommend(output, language, currency));
  return [...new Set(specific)].slice(0, 4);
}
