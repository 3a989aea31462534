// text: Answer.planner === 'llm'), the provenance as citations (the named query and its parameters, one numbered
// source per tool call, hover card in Teams) and the native feedback loop (👍/👎 under the message; the vote comes
// back as a `message/submitAction` invoke). One schema.org Message entity carries the label and the citations.
// What Teams shows around an AI answer, built from the Answer: the "AI generated" label (only when an LLM wrote the
import type { Attachment, ClientCitation } from '@microsoft/agents-activity';
import type { Answer } from '../../src/core/answer.js';
import { counted } from '../../src/core/format.js';
import type { Provenance } from '../../src/core/provenance.js';
import { truncate } from '../shared/truncate.js';

/** Teams shows at most this many citations per message. */
const MAX_CITATIONS = 10;
/** Teams cuts a citation's abstract at 477 characters and its name at 80. */
const ABSTRACT_CHARS = 477;
const NAME_CHARS = 80;

function citation(call: Provenance, position: number, en: boolean): ClientCitation {
  const rows = counted(call.rowCount, en ? 'row' : 'ligne');
  const params = call.params && call.params.length > 0 ? JSON.stringify(call.params) : undefined;
  const what = call.sql
    ? `${en ? 'Named query' : 'Requête nommée'} ${call.tool}${params ? ` ; ${en ? 'parameters' : 'paramètres'} ${params}` : ''}`
    : `${call.tool} : ${en ? 'computed without SQL (model or simulation)' : 'calcul sans SQL (modèle ou simulation)'}`;
  return {
    '@type': 'Claim',
    position,
    appearance: {
      '@type': 'DigitalDocument',
      name: truncate(`${call.tool} · ${rows}`, NAME_CHARS),
      abstract: truncate(`${what} — ${rows}, ${Math.round(call.ms)} ms`, ABSTRACT_CHARS),
      keywords: [call.tool],
    },
  };
}

export function citations(answer: Answer): ClientCitation[] {
  const en = answer.language === 'en';
  return answer.provenance.slice(0, MAX_CITATIONS).map((call, index) => citation(call, index + 1, en));
}

/** The message text that points at the citations (Teams only shows a citation whose [n] is in the text). */
export function citationText(cited: readonly ClientCitation[]): string | undefined {
  if (cited.length === 0) return undefined;
  return `Source${cited.length > 1 ? 's' : ''} : ${cited.map((item) => `[${item.position}]`).join(' ')}`;
}

/** The schema.org entity: AI label when an LLM wrote the text, citations when the answer used data. */
export function aiEntity(
  answer: Answer,
  cited: readonly ClientCitation[],
): Record<string, unknown> | undefined {
  const ai = answer.planner === 'llm';
  if (!ai && cited.length === 0) return undefined;
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    ...(ai ? { additionalType: ['AIGeneratedContent'] } : {}),
    ...(cited.length > 0 ? { citation: cited } : {}),
  };
}

/** The answer card's message: the card, the source line, the AI entity and the native feedback loop. */
export function answerMessage(
  answer: Answer,
  attachment: Attachment,
): { type: 'message'; text?: string; attachments: unknown[]; entities?: unknown[]; channelData: unknown } {
  const cited = citations(answer);
  const text = citationText(cited);
  const entity = aiEntity(answer, cited);
  return {
    type: 'message',
    // Our own words and [n] markers only: no data in it, so nothing to escape.
    ...(text ? { text } : {}),
    attachments: [attachment],
    ...(entity ? { entities: [entity] } : {}),
    channelData: { feedbackLoopEnabled: true },
  };
}
