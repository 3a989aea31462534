// The Slack Block Kit renderer: every canonical answer renders, every Block Kit limit holds even for an absurdly
// large answer (degrading with visible counts), user data cannot mention or link, and buttons round-trip.
import { describe, expect, test } from '@jest/globals';
import { parseActionPayload } from '../../adapters/shared/action-payload.js';
import { renderSlack, SLACK_ACTION_PREFIX } from '../../adapters/slack/render.js';
import type { Answer, AnswerAction } from '../../src/core/answer.js';
import { expectWithinSlackLimits, mrkdwnTexts } from '../fakes/slack-limits.js';
import { ANSWER_FIXTURE_NAMES, ANSWER_FIXTURES, answerFixture } from '../fixtures/answers/index.js';

const OPTIONS = { currency: 'CHF', answerId: 'answer-42' };
const HOSTILE = '<!channel> <@U123> & <https://evil.example|clic>';

function oversizedAnswer(): Answer {
  const longName = (index: number) => `${HOSTILE} campagne_${index}_${'x'.repeat(3000)}`;
  const rows = Array.from({ length: 500 }, (_, index) => ({
    campaign_name: longName(index),
    category: 'social',
    roi: index / 100,
    mark_spent: 1000 * index,
  }));
  const actions: AnswerAction[] = Array.from({ length: 40 }, (_, index) => ({
    id: `ask_${index}`,
    label: `Simule +${index} % ${'de budget '.repeat(30)}`,
    kind: 'ask',
    value: `${HOSTILE} "${'q'.repeat(3000)}"`,
  }));
  return {
    ...answerFixture('ranking'),
    text: `${HOSTILE}\n${'Beaucoup de texte. '.repeat(800)}`,
    recommendations: Array.from({ length: 40 }, (_, index) => `Recommandation ${index} ${longName(index)}`),
    blocks: [
      { type: 'text', text: `${HOSTILE}\n${'Beaucoup de texte. '.repeat(800)}` },
      {
        type: 'facts',
        facts: Array.from({ length: 20 }, (_, i) => ({ label: longName(i), value: longName(i) })),
      },
      {
        type: 'table',
        title: longName(0),
        columns: [
          { key: 'campaign_name', label: 'Campagne', format: 'text' },
          { key: 'category', label: 'Catégorie', format: 'text' },
          { key: 'roi', label: 'ROI', format: 'signed_percent' },
          { key: 'mark_spent', label: 'Dépenses', format: 'money' },
        ],
        rows,
        totalRows: 500,
      },
      { type: 'chart', chartId: 'chart-1', title: longName(1), alt: longName(2) },
      ...Array.from({ length: 60 }, (_, i) => ({
        type: 'notice' as const,
        level: 'warning' as const,
        text: longName(i),
      })),
      { type: 'actions', actions },
    ],
    provenance: [
      {
        tool: 'rank_campaigns',
        args: { category: HOSTILE, campaign_name: longName(3) },
        rows: [],
        rowCount: 500,
        ms: 3,
      },
    ],
  };
}

describe('renderSlack on the canonical answers', () => {
  test.each(ANSWER_FIXTURE_NAMES)('%s renders within every limit, with a fallback text', (name) => {
    const answer = ANSWER_FIXTURES[name];
    const message = renderSlack(answer, { ...OPTIONS, images: { 'chart-1': { slackFileId: 'F0123' } } });
    expectWithinSlackLimits(message);
    expect(message.blocks[0]?.type).toBe('header');
    expect(message.text).toBe(answer.text.replace(/\s*\n\s*/g, ' '));
    const hasChart = answer.blocks.some((block) => block.type === 'chart');
    expect(message.blocks.some((block) => block.type === 'image')).toBe(hasChart);
  });

  test('ranking (monospace fallback): figures, recommendations, provenance line and the answer buttons', () => {
    const { blocks } = renderSlack(ANSWER_FIXTURES.ranking, { ...OPTIONS, nativeTable: false });
    const texts = mrkdwnTexts(blocks).join('\n');
    expect(texts).toContain('*youtube_blogger* · influencer');
    expect(texts).toContain('ROI +277,3\u202f%');
    expect(texts).toMatch(/\*Recommandations\*\n1\. /);
    expect(texts).toContain('Source : rank_campaigns · 5 lignes');
    const buttons = blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
    expect(buttons.map((button) => ('text' in button ? button.text?.text : ''))).toEqual([
      'Voir la requête SQL',
      'Top 10 des campagnes par ROI',
      'Quelles campagnes sont sous-performantes ?',
    ]);
  });

  test('ranking: the table is a native table block (raw text cells, figures right-aligned), one per message', () => {
    const answer = answerFixture('ranking');
    const first = answer.blocks.find((block) => block.type === 'table');
    if (first?.type !== 'table') throw new Error('no table');
    answer.blocks.push({ ...first, title: 'Encore' });
    const { blocks } = renderSlack(answer, OPTIONS);
    const tables = blocks.filter((block) => block.type === 'table');
    expect(tables).toHaveLength(1);
    const [table] = tables;
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.rows[0]!.map((cell) => ('text' in cell ? cell.text : ''))).toEqual([
      'Campagne',
      'Catégorie',
      'ROI',
      'Dépenses',
      'CA',
    ]);
    // Formatted the fr-CH way (narrow spaces normalized here for the comparison).
    expect(table.rows[1]!.map((cell) => ('text' in cell ? cell.text.replace(/\s/g, ' ') : ''))).toEqual([
      'youtube_blogger',
      'influencer',
      '+277,3 %',
      'CHF 4 057 937',
      'CHF 15 311 433',
    ]);
    expect(table.column_settings?.map((setting) => setting.align ?? 'left')).toEqual([
      'left',
      'left',
      'right',
      'right',
      'right',
    ]);
    // The second table falls back to the text layout.
    expect(
      mrkdwnTexts(blocks).some((text) => text.startsWith('*Encore*\n') && text.includes('youtube_blogger')),
    ).toBe(true);
  });

  test('feedback: one context_actions block with feedback_buttons whose values carry the answer id', () => {
    const { blocks } = renderSlack(ANSWER_FIXTURES.ranking, OPTIONS);
    const block = blocks.at(-1);
    if (block?.type !== 'context_actions') throw new Error(`last block is ${block?.type}`);
    const [buttons] = block.elements;
    if (buttons?.type !== 'feedback_buttons') throw new Error('no feedback buttons');
    expect(parseActionPayload(buttons.positive_button.value)).toEqual({
      kind: 'feedback',
      value: 'up',
      answerId: 'answer-42',
    });
    expect(parseActionPayload(buttons.negative_button.value)?.value).toBe('down');
    // An error answer asks for no vote.
    expect(renderSlack(ANSWER_FIXTURES.error, OPTIONS).blocks.some((b) => b.type === 'context_actions')).toBe(
      false,
    );
  });

  test('a notice becomes a ⚠️ context line; a provenance filter is shown', () => {
    const { blocks } = renderSlack(ANSWER_FIXTURES.simulation, OPTIONS);
    const texts = mrkdwnTexts(blocks);
    expect(texts.some((text) => text.startsWith('⚠️ ') && text.includes('forêt aléatoire'))).toBe(true);
    expect(texts).toContain('Source : simulate_budget · catégorie social · 1 ligne');
  });

  test('the chart: a Slack file, else a public URL, else nothing (the adapter attaches the PNG)', () => {
    const answer = ANSWER_FIXTURES.trend;
    const image = (images?: Record<string, { imageUrl?: string; slackFileId?: string }>) =>
      renderSlack(answer, { ...OPTIONS, ...(images ? { images } : {}) }).blocks.find(
        (b) => b.type === 'image',
      );
    expect(image({ 'chart-1': { slackFileId: 'F1', imageUrl: 'https://x/c.png' } })).toMatchObject({
      slack_file: { id: 'F1' },
    });
    expect(image({ 'chart-1': { imageUrl: 'https://x/c.png' } })).toMatchObject({
      image_url: 'https://x/c.png',
    });
    expect(image()).toBeUndefined();
  });

  test('button values parse back to {kind, value, answerId}; action ids are ours and unique', () => {
    const answer = ANSWER_FIXTURES.underperformers;
    const { blocks } = renderSlack(answer, OPTIONS);
    const buttons = blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
    const expected = answer.blocks
      .flatMap((block) => (block.type === 'actions' ? block.actions : []))
      .filter((action) => action.kind !== 'feedback'); // those are the context_actions feedback buttons
    expect(buttons).toHaveLength(expected.length);
    buttons.forEach((button, index) => {
      if (button.type !== 'button') throw new Error('not a button');
      expect(button.action_id!.startsWith(SLACK_ACTION_PREFIX)).toBe(true);
      expect(parseActionPayload(button.value!)).toEqual({
        kind: expected[index]!.kind,
        value: expected[index]!.value,
        answerId: 'answer-42',
      });
    });
  });
});

describe('renderSlack on hostile and oversized content', () => {
  test('mentions, links and & in user data are escaped everywhere, fallback text included', () => {
    const answer: Answer = {
      ...answerFixture('ranking'),
      text: `Campagne ${HOSTILE}`,
      blocks: [{ type: 'text', text: `Campagne ${HOSTILE}` }, ...answerFixture('ranking').blocks.slice(1)],
    };
    const table = answer.blocks.find((block) => block.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    table.rows[0]!.campaign_name = HOSTILE;
    const message = renderSlack(answer, { ...OPTIONS, nativeTable: false });
    expectWithinSlackLimits(message);
    expect(message.text).toBe(
      'Campagne &lt;!channel&gt; &lt;@U123&gt; &amp; &lt;https://evil.example|clic&gt;',
    );
    expect(mrkdwnTexts(message.blocks).join('\n')).toContain('*&lt;!channel&gt; &lt;@U123&gt; &amp;');
  });

  test('500 rows, 20 facts, 3000-char names, 40 recommendations, 60 notices, 40 buttons: within every limit', () => {
    const message = renderSlack(oversizedAnswer(), { ...OPTIONS, answerId: 'a'.repeat(5000) });
    expectWithinSlackLimits(message);
    const texts = mrkdwnTexts(message.blocks).join('\n');
    expect(texts).toMatch(/… 4\d\d lignes de plus/); // the table kept some rows and counts the rest
    expect(texts).toMatch(/… \d+ recommandations de plus/);
    expect(texts).toMatch(/… \d+ éléments non affichés/); // blocks beyond 50 are counted, not sent
    const sections = message.blocks.filter((block) => block.type === 'section' && block.fields);
    expect(sections).toHaveLength(2); // 20 facts = two sections of 10 fields
    const actions = message.blocks.filter((block) => block.type === 'actions');
    expect(actions).toHaveLength(1);
    for (const block of actions) {
      if (block.type !== 'actions') continue;
      for (const button of block.elements) {
        if (button.type !== 'button') continue;
        const payload = parseActionPayload(button.value!);
        expect(payload?.kind).toBe('ask');
        expect(payload?.value.startsWith('<!channel>')).toBe(true); // the raw value, only JSON-encoded
      }
    }
    // The buttons, the feedback and the provenance survive the block trimming: they come last.
    expect(message.blocks.slice(-2).map((block) => block.type)).toEqual(['actions', 'context_actions']);
  });

  test('a narrow table is an aligned code block, escaped too', () => {
    const answer = answerFixture('ranking');
    const table = answer.blocks.find((block) => block.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    table.columns = table.columns.filter((column) => ['campaign_name', 'roi'].includes(column.key));
    table.rows[0]!.campaign_name = '<!here> & co';
    const message = renderSlack(answer, { ...OPTIONS, nativeTable: false });
    expectWithinSlackLimits(message);
    const code = mrkdwnTexts(message.blocks).find((text) => text.startsWith('```'));
    expect(code?.split('\n')).toEqual([
      '```',
      `${'Campagne'.padEnd(20)}       ROI`, // aligned on the raw text: an entity shows as one character
      `&lt;!here&gt; &amp; co${' '.repeat(8)}  +277,3\u202f%`,
      'facebook_retargeting  +101,5\u202f%',
      'google_hot             +83,8\u202f%',
      'instagram_tier1        +77,1\u202f%',
      'instagram_blogger      +36,8\u202f%',
      '```',
    ]);
  });

  test('an empty text block gives no empty section', () => {
    const answer: Answer = { ...answerFixture('error'), text: ' ', blocks: [{ type: 'text', text: ' \n ' }] };
    const message = renderSlack(answer, OPTIONS);
    expectWithinSlackLimits(message);
    expect(message.text).toBe('Impossible de répondre');
  });

  test('a table whose single row cannot fit becomes a sentence', () => {
    const answer = answerFixture('aggregation');
    const table = answer.blocks.find((block) => block.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    table.columns = Array.from({ length: 10 }, (_, i) => ({
      key: `c${i}`,
      label: '&'.repeat(60),
      format: 'money',
    }));
    table.rows = [Object.fromEntries(table.columns.map((column) => [column.key, 1e300]))];
    const message = renderSlack(answer, { ...OPTIONS, nativeTable: false });
    expectWithinSlackLimits(message);
    expect(mrkdwnTexts(message.blocks).join('\n')).toContain('Tableau de 4 lignes trop volumineux');
  });
});
