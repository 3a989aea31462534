// « Voir la requête SQL »: the SQL and parameters behind an answer, as Block Kit sections (each under Slack's
// 3000-character limit, at most 20 sections so the message stays far below 50 blocks).
import type { Provenance } from '../../src/core/provenance.js';
import type { SlackMessage } from './delivery.js';
import { escapeSlack } from './slack-text.js';

const SECTION_LIMIT = 2900;
const MAX_SECTIONS = 20;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function describe(item: Provenance): string {
  const head = `*${item.tool}* — ${item.rowCount} ligne${item.rowCount > 1 ? 's' : ''}, ${Math.round(item.ms)} ms`;
  if (!item.sql)
    return `${head}\n_Calcul sans requête SQL (modèle ou simulation sur les données ci-dessus)._`;
  const params =
    item.params && item.params.length > 0 ? `\nParamètres : \`${JSON.stringify(item.params)}\`` : '';
  // Room for the heading, the fences and the parameters; the SQL is what gets clipped.
  const room = SECTION_LIMIT - head.length - params.length - 12;
  return `${head}\n\`\`\`${clip(escapeSlack(item.sql.replaceAll('```', "'''")), Math.max(room, 200))}\`\`\`${params}`;
}

export function provenanceMessage(provenance: Provenance[]): SlackMessage {
  if (provenance.length === 0) {
    return { text: 'Cette réponse n’a interrogé aucune donnée : il n’y a pas de requête à montrer.' };
  }
  const sections = provenance.slice(0, MAX_SECTIONS).map((item) => clip(describe(item), SECTION_LIMIT));
  if (provenance.length > MAX_SECTIONS)
    sections.push(`… et ${provenance.length - MAX_SECTIONS} autres appels.`);
  return {
    text: `Requêtes SQL de la réponse :\n${sections.join('\n\n')}`.slice(0, 3900),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Requêtes SQL de la réponse' } },
      ...sections.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } })),
    ],
  };
}
