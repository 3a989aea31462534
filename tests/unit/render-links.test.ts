// Markdown link syntax from data, users or an LLM never becomes a link in Teams: every text of the card (title,
// text, facts, table cells, notices, recommendations) and the plain-text fallback keep the words and the URL
// visible but break the `[label](url)` syntax. The web chat shows these same cards (adapters/playground).
import { describe, expect, it } from '@jest/globals';
import { neutralizeLinks } from '../../adapters/teams/markdown.js';
import { provenanceMarkdown } from '../../adapters/teams/provenance-message.js';
import { renderTeams } from '../../adapters/teams/render.js';
import type { Answer } from '../../src/core/answer.js';
import { answerFixture } from '../fixtures/answers/index.js';

const LINK = '[login](https://evil.example)';
const IMAGE = '![pixel](https://evil.example/p.png)';
/** A markdown link or image as Adaptive Cards / Teams would render it. */
const MARKDOWN_LINK = /!?\[[^\]]*\]\(/;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function hostile(): Answer {
  const base = answerFixture('ranking');
  return {
    ...base,
    text: `Voir ${LINK} et ${IMAGE}.`,
    recommendations: [`Cliquez ${LINK}.`, 'Deux.'],
    blocks: [
      { type: 'text', text: `Voir ${LINK}.` },
      { type: 'facts', facts: [{ label: LINK, value: `${LINK} ${IMAGE}` }] },
      ...base.blocks.map((block) =>
        block.type === 'table'
          ? {
              ...block,
              title: LINK,
              rows: block.rows.map((row, index) =>
                index === 0 ? { ...row, campaign_name: LINK, category: IMAGE } : row,
              ),
            }
          : block,
      ),
      { type: 'notice', level: 'warning', text: `Attention ${LINK}` },
    ],
  } as Answer;
}

describe('Teams card text from data or users', () => {
  it('holds no markdown link anywhere, and still shows the URL', () => {
    const card = renderTeams(hostile(), { currency: 'CHF' });
    const texts = strings(card.body);
    expect(texts.filter((text) => MARKDOWN_LINK.test(text))).toEqual([]);
    expect(texts.filter((text) => text.includes('https://evil.example')).length).toBeGreaterThanOrEqual(6);
  });

  it('neutralizes links and images, and leaves ordinary brackets alone', () => {
    expect(MARKDOWN_LINK.test(neutralizeLinks(LINK))).toBe(false);
    expect(MARKDOWN_LINK.test(neutralizeLinks(IMAGE))).toBe(false);
    expect(neutralizeLinks('ROI (brut) [estimé]')).toBe('ROI (brut) [estimé]');
  });

  it('keeps parameters from breaking out of their code span in « Voir la requête SQL »', () => {
    const text = provenanceMarkdown([
      {
        tool: 'describe_campaign',
        args: {},
        sql: 'SELECT 1',
        params: [`\` ${LINK} \``],
        rows: [],
        rowCount: 0,
        ms: 1,
      },
    ]);
    const outsideCode = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
    expect(outsideCode).not.toMatch(MARKDOWN_LINK);
    expect(text).not.toMatch(MARKDOWN_LINK);
  });
});
