// « Voir la requête SQL » in Teams: the SQL and parameters behind an answer as a markdown message (Teams renders
// fenced code blocks in message text). Clipped well below Teams' ~28 KB message text limit.
import type { Provenance } from '../../src/core/provenance.js';
import { neutralizeLinks } from './markdown.js';

const MESSAGE_LIMIT = 20_000;
const MAX_CALLS = 20;

export const NO_QUERY = 'Cette réponse n’a interrogé aucune donnée : il n’y a pas de requête à montrer.';

function describe(item: Provenance): string {
  const rows = `${item.rowCount} ligne${item.rowCount > 1 ? 's' : ''}`;
  const head = `**${item.tool}** — ${rows}, ${Math.round(item.ms)} ms`;
  if (!item.sql)
    return `${head}\n\n_Calcul sans requête SQL (modèle ou simulation sur les données ci-dessus)._`;
  const params =
    item.params && item.params.length > 0
      ? `\n\nParamètres : \`${neutralizeLinks(JSON.stringify(item.params).replaceAll('`', "'"))}\``
      : '';
  // A fence inside the SQL would close the code block early.
  return `${head}\n\n\`\`\`sql\n${item.sql.replaceAll('```', "'''")}\n\`\`\`${params}`;
}

export function provenanceMarkdown(provenance: readonly Provenance[]): string {
  if (provenance.length === 0) return NO_QUERY;
  const parts = provenance.slice(0, MAX_CALLS).map(describe);
  if (provenance.length > MAX_CALLS) parts.push(`… et ${provenance.length - MAX_CALLS} autres appels.`);
  const text = `**Requêtes SQL de la réponse**\n\n${parts.join('\n\n')}`;
  if (text.length <= MESSAGE_LIMIT) return text;
  // Cut at a line and close an open fence so the rest of the message still renders as text.
  const cut = text.slice(0, text.lastIndexOf('\n', MESSAGE_LIMIT - 40));
  const fences = cut.split('```').length - 1;
  return `${cut}${fences % 2 === 1 ? '\n```' : ''}\n\n… (tronqué)`;
}
