// One short line saying where the figures came from, e.g. « rank_campaigns · catégorie social · 5 lignes »:
// the tool, the filters a reader cares about (not every argument), and the row count. Raw text: each renderer
// escapes it for its own format (campaign names are user data).
import type { Language } from '../../src/core/answer.js';
import type { Provenance } from '../../src/core/provenance.js';

function filters(args: Record<string, unknown>, en: boolean): string[] {
  const parts: string[] = [];
  const text = (key: string) => (typeof args[key] === 'string' ? (args[key] as string) : undefined);
  const category = text('category');
  const campaign = text('campaign_name');
  const from = text('date_from');
  const to = text('date_to');
  if (category) parts.push(`${en ? 'category' : 'catégorie'} ${category}`);
  if (campaign) parts.push(`${en ? 'campaign' : 'campagne'} ${campaign}`);
  if (from && to) parts.push(en ? `${from} to ${to}` : `du ${from} au ${to}`);
  else if (from) parts.push(en ? `from ${from}` : `depuis le ${from}`);
  else if (to) parts.push(en ? `until ${to}` : `jusqu'au ${to}`);
  return parts;
}

export function provenanceLine(provenance: readonly Provenance[], language: Language): string | undefined {
  if (provenance.length === 0) return undefined;
  const en = language === 'en';
  return provenance
    .map((call) =>
      [
        call.tool,
        ...filters(call.args, en),
        en
          ? `${call.rowCount} row${call.rowCount > 1 ? 's' : ''}`
          : `${call.rowCount} ligne${call.rowCount > 1 ? 's' : ''}`,
      ].join(' · '),
    )
    .join(' ; ');
}
