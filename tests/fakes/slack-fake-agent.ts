// A scripted stand-in for the agent: records every question, remembers each conversation's previous question (so
// tests can see thread follow-ups reach the same memory), and returns a realistic Answer (table, chart, buttons,
// provenance with SQL) after an optional delay.

import type { Answer } from '../../src/core/answer.js';
import type { Question } from '../../src/core/question.js';

export interface FakeAgent {
  questions: Question[];
  /** Questions being answered right now, and the most at once (the benchmark reports how busy it was). */
  inFlight: number;
  maxInFlight: number;
  ask(question: Question): Promise<Answer>;
  /** Make the next answers carry an error (as the real agent does on a warehouse outage). */
  failWith?: { code: string; text: string };
}

export function cannedAnswer(text: string, previous?: string): Answer {
  return {
    language: 'fr',
    intent: 'kpi_qa',
    text: previous
      ? `Suite de « ${previous} » : ${text} — youtube_blogger a le meilleur ROI (+277,3 %).`
      : `Réponse à « ${text} » : youtube_blogger a le meilleur ROI (+277,3 %).`,
    recommendations: ['Renforcer youtube_blogger.', 'Réduire facebook_tier2.'],
    blocks: [
      { type: 'text', text: 'Top des campagnes par ROI.' },
      {
        type: 'table',
        columns: [
          { key: 'campaign_name', label: 'Campagne', format: 'text' },
          { key: 'roi', label: 'ROI', format: 'percent' },
        ],
        rows: [
          { campaign_name: 'youtube_blogger', roi: 2.773 },
          { campaign_name: 'google_hot', roi: 1.2 },
        ],
        totalRows: 2,
      },
      { type: 'chart', chartId: 'c1', title: 'ROI par campagne', alt: 'Barres du ROI par campagne' },
      {
        type: 'actions',
        actions: [
          { id: 'top10', label: 'Top 10', kind: 'ask', value: 'Top 10 des campagnes par ROI' },
          { id: 'sql', label: 'Voir la requête SQL', kind: 'show_sql', value: 'sql' },
          { id: 'up', label: '👍', kind: 'feedback', value: 'up' },
          { id: 'down', label: '👎', kind: 'feedback', value: 'down' },
        ],
      },
    ],
    charts: [
      {
        id: 'c1',
        kind: 'ranking',
        title: 'ROI par campagne',
        alt: 'Barres du ROI par campagne',
        measure: 'roi',
        rows: [{ campaign_name: 'youtube_blogger', roi: 2.773 }],
      },
    ],
    provenance: [
      {
        tool: 'rank_campaigns',
        args: { metric: 'roi', limit: 5 },
        sql: 'SELECT campaign_name, roi FROM marketing_kpi ORDER BY roi DESC LIMIT ?',
        params: [5],
        rows: [{ campaign_name: 'youtube_blogger', roi: 2.773 }],
        rowCount: 1,
        ms: 3,
      },
    ],
    followUps: ['Top 10 des campagnes par ROI'],
    planner: 'offline',
  };
}

export function createFakeAgent(options: { delayMs?: number } = {}): FakeAgent {
  const memory = new Map<string, string>();
  const agent: FakeAgent = {
    questions: [],
    inFlight: 0,
    maxInFlight: 0,
    async ask(question) {
      agent.questions.push(question);
      agent.inFlight += 1;
      agent.maxInFlight = Math.max(agent.maxInFlight, agent.inFlight);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      agent.inFlight -= 1;
      const previous = memory.get(question.conversation);
      memory.set(question.conversation, question.text);
      if (agent.failWith) {
        return {
          ...cannedAnswer(question.text),
          text: agent.failWith.text,
          blocks: [],
          charts: [],
          provenance: [],
          errorCode: agent.failWith.code,
        };
      }
      // Small talk, like the real agent: out of scope (the adapter stays silent when it only overheard it).
      if (/^(merci|ok\b|thanks)/i.test(question.text))
        return {
          ...cannedAnswer(question.text),
          intent: 'out_of_scope',
          text: 'Je n’ai pas compris.',
          charts: [],
        };
      return cannedAnswer(question.text, previous);
    },
  };
  return agent;
}
