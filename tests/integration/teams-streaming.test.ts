// Teams on the Agents SDK, the assistant side: a 1:1 question streams (an informative update, then the final card)
// with the sources as citations, the AI label only when an LLM wrote the text, the native feedback loop (and a vote
// coming back as an invoke); a channel answer does not stream; Markdown links from data or a question stay text.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import type { Answer } from '../../src/core/answer.js';
import { type FakeConnector, type RecordedActivity, startFakeConnector } from '../fakes/teams-connector.js';
import {
  BOT,
  cardOf,
  channelMention,
  type Harness,
  personalMessage,
  replies,
  send,
  startHarness,
  TENANT,
  USER,
} from '../fakes/teams-harness.js';
import { answerFixture } from '../fixtures/answers/index.js';

const EVIL = '[Cliquez ici](https://evil.example.com/login)';
let connector: FakeConnector;
let harness: Harness;
let next: Answer;

beforeAll(async () => {
  connector = await startFakeConnector();
  harness = await startHarness({ answer: () => next });
});
afterEach(() => connector.reset());
afterAll(async () => {
  await harness.close();
  await connector.close();
});

type Entity = { type: string; streamType?: string; streamSequence?: number; [key: string]: unknown };
const entities = (item: RecordedActivity) => (item.activity.entities ?? []) as Entity[];
const streamInfo = (item: RecordedActivity) => entities(item).find((entity) => entity.type === 'streaminfo');
const aiEntity = (item: RecordedActivity) =>
  entities(item).find((entity) => entity.type === 'https://schema.org/Message') as
    | {
        additionalType?: string[];
        citation?: { position: number; appearance: { name: string; abstract: string } }[];
      }
    | undefined;

async function ask(activity: Record<string, unknown>): Promise<RecordedActivity[]> {
  expect((await send(harness.url, activity)).status).toBe(200);
  await harness.adapter.idle();
  return [...connector.activities];
}

describe('a personal (1:1) chat streams', () => {
  test('offline answer: informative update first, then the final card with citations and the feedback loop', async () => {
    next = answerFixture('ranking');
    const question = personalMessage(connector.url, 'Top 5 des campagnes par ROI');
    const sent = await ask(question);
    expect(sent.map((item) => item.activity.type)).toEqual(['typing', 'message']);
    const [update, final] = sent as [RecordedActivity, RecordedActivity];
    expect(streamInfo(update)).toMatchObject({ streamType: 'informative', streamSequence: 1 });
    expect(String(update.activity.text)).toMatch(/interroge les données/);
    expect(update.replyToId).toBe(question.id);
    // The final message closes the same stream and carries the card.
    expect(streamInfo(final)).toMatchObject({ streamType: 'final', streamId: update.id });
    expect(cardOf(final.activity)?.type).toBe('AdaptiveCard');
    expect(final.activity.channelData).toMatchObject({ feedbackLoopEnabled: true });
    // Provenance as citations: one per tool call, named after the query, referenced from the text.
    const entity = aiEntity(final)!;
    expect(entity.additionalType).toBeUndefined(); // the offline planner wrote it: no AI label
    expect(entity.citation).toHaveLength(next.provenance.length);
    expect(entity.citation![0]!.appearance.name).toContain(next.provenance[0]!.tool);
    expect(entity.citation![0]!.appearance.abstract).toMatch(/Requête nommée/);
    expect(String(final.activity.text)).toContain('[1]');
  });

  test('LLM answer: the text streams in chunks before the card, with the AI label', async () => {
    const llmText =
      'Facebook arrive en tête. Le ROI y dépasse 300 %. Google suit de près. Réduisez le budget display.';
    const answer = answerFixture('ranking');
    // The LLM composer rewrites the text and the answer's text block alike.
    const blocks = answer.blocks.map((block) =>
      block.type === 'text' ? { ...block, text: llmText } : block,
    );
    next = { ...answer, planner: 'llm', text: llmText, blocks };
    const sent = await ask(personalMessage(connector.url, 'Top 5 des campagnes par ROI'));
    const types = sent.map((item) => streamInfo(item)?.streamType);
    expect(types[0]).toBe('informative');
    expect(types.at(-1)).toBe('final');
    const streaming = sent.filter((item) => streamInfo(item)?.streamType === 'streaming');
    expect(streaming.length).toBeGreaterThanOrEqual(1);
    // Each streamed update holds the text so far (from its start); the final card holds all of it.
    for (const item of streaming) expect(String(item.activity.text)).toMatch(/^Facebook arrive en tête\./);
    expect(JSON.stringify(cardOf(sent.at(-1)!.activity))).toContain('Réduisez le budget display.');
    const sequences = sent.map((item) => streamInfo(item)?.streamSequence as number);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    expect(aiEntity(sent.at(-1)!)?.additionalType).toEqual(['AIGeneratedContent']);
  });
});

test('a channel answer does not stream: typing, then the card (feedback loop on, no stream entities)', async () => {
  next = answerFixture('ranking');
  const sent = await ask(channelMention(connector.url, 'Top 5 des campagnes par ROI'));
  expect(sent.map((item) => item.activity.type)).toEqual(['typing', 'message']);
  expect(sent.every((item) => streamInfo(item) === undefined)).toBe(true);
  expect(cardOf(sent[1]!.activity)?.type).toBe('AdaptiveCard');
  expect(sent[1]!.activity.channelData).toMatchObject({ feedbackLoopEnabled: true });
});

test('a vote with the native feedback buttons is recorded against that answer, per user', async () => {
  next = answerFixture('ranking');
  const sent = await ask(channelMention(connector.url, 'Top 5 des campagnes par ROI'));
  const card = cardOf(sent[1]!.activity)!;
  const answerId = card.actions!.find((action) => action.data.kind === 'feedback')!.data.answerId;
  const messageId = sent[1]!.id; // what the fake connector answered for the card
  const vote = (user: typeof USER, reaction: string) => ({
    type: 'invoke',
    name: 'message/submitAction',
    id: `vote-${user.id}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: user,
    recipient: BOT,
    conversation: { id: sent[1]!.conversationId, conversationType: 'channel', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    replyToId: messageId,
    value: { actionName: 'feedback', actionValue: { reaction, feedback: '{"feedbackText":"bof"}' } },
  });
  const bob = { id: '29:bob', name: 'Bob', aadObjectId: 'aad-bob' };
  const first = await send(harness.url, vote(USER, 'like'));
  const second = await send(harness.url, vote(bob, 'dislike'));
  expect([first.status, second.status]).toEqual([200, 200]);
  expect(harness.feedback.slice(-2)).toEqual([
    { conversation: `teams:${sent[1]!.conversationId}`, answerId, value: 'up', user: 'aad-alice' },
    { conversation: `teams:${sent[1]!.conversationId}`, answerId, value: 'down', user: 'aad-bob' },
  ]);
});

describe('Markdown link syntax from data or a question is shown as text', () => {
  test('a campaign name and a question carrying a link: no clickable link in the card', async () => {
    const answer = answerFixture('ranking');
    const table = answer.blocks.find((block) => block.type === 'table')!;
    if (table.type !== 'table') throw new Error('fixture changed');
    table.rows[0]!.campaign_name = EVIL;
    const echo = (text: string) => `Vous avez demandé « ${EVIL} ». ${text}`;
    const blocks = answer.blocks.map((block) =>
      block.type === 'text' ? { ...block, text: echo(block.text) } : block,
    );
    next = { ...answer, text: echo(answer.text), blocks };
    const response = await send(
      harness.url,
      personalMessage(connector.url, EVIL, { deliveryMode: 'expectReplies' }),
    );
    const card = cardOf(replies(response.body).at(-1)!)!;
    const texts = card.body.flatMap((element) => JSON.stringify(element));
    // The text is all there, the link syntax broken (a zero-width space between `]` and `(`): Teams shows it as
    // typed, not as a link.
    const all = JSON.parse(`[${texts.join()}]`) as unknown[];
    const shown = JSON.stringify(all);
    expect(shown).toContain('[Cliquez ici]\u200b(https://evil.example.com/login)');
    expect(shown).not.toMatch(/\[Cliquez ici\]\(/);
    // Both places it came from: the question (in the text) and the data (a table cell).
    expect(texts.join().split('Cliquez ici').length - 1).toBeGreaterThanOrEqual(2);
  });
});
