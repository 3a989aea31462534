// The composer's recommendations: each tool's own rules over its rows, most specific first, at most 4. Only
// advice the figures shown support: no generic filler (a digest suggestion under every other answer taught people
// to skip the list), so a single figure or a comparison may carry none. Data without revenue gets the one advice
// it supports: add it.
import type { Language } from '../../core/answer.js';
import { tr } from '../i18n.js';
import { toolOf } from '../tools/registry.js';
import type { ToolOutput } from '../tools/types.js';

const finite = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

/** Up to 4 recommendations for the tool outputs of one answer, each resting on their figures. */
export function recommend(outputs: ToolOutput[], language: Language, currency: string): string[] {
  const specific = outputs.flatMap((output) => toolOf(output.tool).recommend(output, language, currency));
  const unique = [...new Set(specific)].slice(0, 4);
  // KPI rows whose ROI is empty everywhere (no revenue in the data, or zero everywhere): no advice may rest on it.
  const kpiRows = outputs.flatMap((output) => output.rows.filter((row) => 'roi' in row));
  if (kpiRows.length > 0 && !kpiRows.some((row) => finite(row.roi)) && unique.length < 4)
    unique.push(
      tr(
        language,
        "Ajouter le chiffre d'affaires (valeur des conversions) à l'export pour pouvoir juger la rentabilité (ROI, ROAS).",
        'Add revenue (conversion value) to the export to judge profitability (ROI, ROAS).',
      ),
    );
  return unique;
}
