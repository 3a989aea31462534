// The composer's recommendations: each tool's own rules over its rows (most specific first), 2 to 4 kept,
// topped up with generic good practice when the rows support fewer than two.
import type { Language } from '../../core/answer.js';
import { tr } from '../i18n.js';
import { toolOf } from '../tools/registry.js';
import type { ToolOutput } from '../tools/types.js';

const GENERIC = (language: Language): string[] => [
  tr(
    language,
    'Mettre en place un digest hebdomadaire des campagnes sous le seuil de ROI (« digest chaque lundi à 9h »).',
    'Set up a weekly digest of campaigns below the ROI threshold ("digest every Monday at 9").',
  ),
  tr(
    language,
    'Comparer ces chiffres sur la dernière semaine pour repérer une dérive récente.',
    'Compare these figures over the last week to spot a recent drift.',
  ),
];

/** 2–4 recommendations for the tool outputs of one answer. */
export function recommend(outputs: ToolOutput[], language: Language, currency: string): string[] {
  const specific = outputs.flatMap((output) => toolOf(output.tool).recommend(output, language, currency));
  const unique = [...new Set(specific)].slice(0, 4);
  for (const generic of GENERIC(language)) if (unique.length < 2) unique.push(generic);
  return unique;
}
