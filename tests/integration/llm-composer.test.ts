// The LLM composer over HTTP: one forced write_answer call returns the text and 2–4 recommendations; a
// malformed or failed reply becomes LlmUnavailableError so the graph uses the template composer. The
// composed text is then checked against the tool outputs the way the graph does it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createChatModel } from '../../agent/llm/chat-model.js';
import { composeWithLlm } from '../../agent/llm/composer.js';
import { LlmUnavailableError } from '../../agent/llm/errors.js';
import { checkGrounding } from '../../agent/llm/grounding.js';
import { delayed, type FakeOpenAi, startFakeOpenAi } from '../fakes/openai-server.js';

let server: FakeOpenAi;
const model = () =>
  createChatModel(
    { apiKey: 'k', baseUrl: server.url, model: 'gpt-4o-mini' },
    { timeoutMs: 2000, maxRetries: 0 },
  );

const ranking = {
  summary: 'Plus haut ROI :\n1. facebook_tier1 (social) : +277,3 %\n2. google_hot (search) : +120,5 %',
  rows: [
    { campaign_name: 'facebook_tier1', category: 'social', roi: 2.7734, revenue: 48231.4 },
    { campaign_name: 'google_hot', category: 'search', roi: 1.2049, revenue: 30110 },
  ],
};
const input = {
  question: 'Top 2 des campagnes par ROI',
  language: 'fr' as const,
  toolSummaries: [ranking.summary],
  facts: [{ label: 'Période', value: 'toutes les données' }],
};

beforeAll(async () => {
  server = await startFakeOpenAi();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

describe('composeWithLlm over HTTP (fake OpenAI server)', () => {
  it('returns the text and recommendations of one write_answer call', async () => {
    const answer = {
      text: 'facebook_tier1 mène avec un ROI de +277,3 % (CHF 48 231 de CA), devant google_hot (+120,5 %).',
      recommendations: [
        'Augmenter le budget de facebook_tier1.',
        'Analyser ce qui distingue google_hot.',
        'Revoir les campagnes sous 0 % de ROI.',
      ],
    };
    server.enqueue({ toolCalls: [{ name: 'write_answer', arguments: answer }] });
    const composed = await composeWithLlm(model(), input);
    expect(composed).toEqual(answer);
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.tool_choice).toEqual({ type: 'function', function: { name: 'write_answer' } });
    expect(request.tools?.map((tool) => tool.function.name)).toEqual(['write_answer']);
    expect(request.messages[0]?.content).toEqual(expect.stringContaining('Write in French'));
    expect(request.messages[1]?.content).toEqual(expect.stringContaining('+277,3 %'));
    expect(checkGrounding(composed.text, [ranking])).toEqual({ grounded: true, ungrounded: [] });
  });

  it('keeps at most four recommendations', async () => {
    const recommendations = ['a', 'b', 'c', 'd', 'e'];
    server.enqueue({
      toolCalls: [{ name: 'write_answer', arguments: { text: 'Réponse.', recommendations } }],
    });
    await expect(composeWithLlm(model(), input)).resolves.toEqual({
      text: 'Réponse.',
      recommendations: ['a', 'b', 'c', 'd'],
    });
  });

  it('accepts the JSON in the content from a server that ignores tool_choice', async () => {
    server.enqueue({ content: '```json\n{"text": "Answer.", "recommendations": ["one", "two"]}\n```' });
    await expect(composeWithLlm(model(), { ...input, language: 'en' })).resolves.toEqual({
      text: 'Answer.',
      recommendations: ['one', 'two'],
    });
    expect(server.requests[0]?.messages[0]?.content).toEqual(expect.stringContaining('Write in English'));
  });

  it('flags an invented figure through the grounding check', async () => {
    const invented = { text: 'Le ROI atteint +310,0 % pour CHF 52 000.', recommendations: ['x', 'y'] };
    server.enqueue({ toolCalls: [{ name: 'write_answer', arguments: invented }] });
    const composed = await composeWithLlm(model(), input);
    expect(checkGrounding(composed.text, [ranking])).toEqual({
      grounded: false,
      ungrounded: ['310,0 %', '52 000'],
    });
  });

  it.each([
    ['a reply without the answer', { content: 'Désolé.' }],
    ['a missing recommendation list', { toolCalls: [{ name: 'write_answer', arguments: { text: 'ok' } }] }],
    ['an HTTP 500', { status: 500, body: { error: { message: 'down' } } }],
  ])('turns %s into LlmUnavailableError', async (_label, reply) => {
    server.enqueue(reply);
    await expect(composeWithLlm(model(), input)).rejects.toBeInstanceOf(LlmUnavailableError);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up at its deadline', async () => {
    server.enqueue(delayed(3000, { content: '{}' }));
    // A 'timeout' rejection (not the server's late '{}') proves it gave up at its deadline, whatever the machine.
    await expect(composeWithLlm(model(), input, { timeoutMs: 200 })).rejects.toMatchObject({
      reason: 'timeout',
    });
  });
});
