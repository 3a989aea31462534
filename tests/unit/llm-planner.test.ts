// The LLM planner and composer driven by a scripted chat model (no HTTP): a queue of AI messages with tool
// calls. Checks the tool → intent mapping, what is dropped, the tools offered, the deadline and errors.
import { describe, expect, it } from '@jest/globals';
import { BaseChatModel, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { composeWithLlm } from '../../agent/llm/composer.js';
import { LlmUnavailableError } from '../../agent/llm/errors.js';
import { detectLanguage } from '../../agent/llm/language.js';
import { createLlmPlanner } from '../../agent/llm/llm-planner.js';
import { resolveCategory } from '../../src/analysis/tools/common.js';
import { findTool } from '../../src/analysis/tools/registry.js';
import type { ToolContext } from '../../src/analysis/tools/types.js';
import type { Catalog } from '../../src/warehouse/catalog.js';

type Scripted = AIMessage | Error | 'hang';

/** A chat model that answers from a queue and records what each call received. */
class ScriptedChatModel extends BaseChatModel {
  readonly calls: { messages: BaseMessage[]; tools: unknown[]; toolChoice: unknown }[] = [];
  constructor(private readonly replies: Scripted[]) {
    super({});
  }
  _llmType(): string {
    return 'scripted';
  }
  override bindTools(tools: BindToolsInput[], kwargs: Record<string, unknown> = {}) {
    return this.withConfig({ tools, ...kwargs } as never);
  }
  async _generate(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    const callOptions = options as unknown as { tools?: unknown[]; tool_choice?: unknown };
    this.calls.push({ messages, tools: callOptions.tools ?? [], toolChoice: callOptions.tool_choice });
    const next = this.replies.shift();
    if (next === undefined) throw new Error('no scripted reply left');
    if (next === 'hang') return new Promise<ChatResult>(() => {});
    if (next instanceof Error) throw next;
    return { generations: [{ text: '', message: next }] };
  }
}

const catalog: Catalog = {
  campaigns: [
    { campaignName: 'facebook_tier1', category: 'social' },
    { campaignName: 'google_hot', category: 'search' },
    { campaignName: 'youtube_blogger', category: 'influencer' },
  ],
  categories: ['influencer', 'search', 'social'],
  firstDay: '2021-02-01',
  lastDay: '2021-02-28',
};

const toolCalls = (...calls: [string, unknown][]) =>
  new AIMessage({
    content: '',
    tool_calls: calls.map(([name, args], index) => ({
      name,
      args: args as Record<string, unknown>,
      id: `call_${index}`,
      type: 'tool_call' as const,
    })),
  });

const plan = async (reply: Scripted, text = 'Top 5 des campagnes par ROI') => {
  const model = new ScriptedChatModel([reply]);
  const planner = createLlmPlanner(model, { timeoutMs: 2000 });
  return { plan: await planner.plan({ text, catalog }), model };
};

describe('createLlmPlanner with a scripted chat model', () => {
  it.each([
    ['rank_campaigns', { metric: 'roi', direction: 'top', limit: 5 }, 'kpi_qa'],
    ['aggregate_by_dimension', { group_by: 'category' }, 'kpi_qa'],
    ['describe_campaign', { campaign_name: 'google_hot' }, 'kpi_qa'],
    ['kpi_trend', { metric: 'ctr', grain: 'week' }, 'kpi_qa'],
    ['get_underperforming_campaigns', { roi_threshold: 0 }, 'diagnostic'],
    ['segment_campaigns', { k: 3 }, 'segmentation'],
    ['simulate_budget', { budget_increase_pct: 20, category: 'social' }, 'budget_simulation'],
    ['predict_revenue', { budget: 1000 }, 'prediction'],
  ])('maps %s to its intent', async (tool, args, intent) => {
    const result = await plan(toolCalls([tool, args]));
    expect(result.plan).toMatchObject({ intent, calls: [{ tool, args }], confidence: 0.9 });
    expect(result.model.calls).toHaveLength(1);
  });

  it('offers every data tool plus reply_without_data, and sends the rules and the question', async () => {
    const { model } = await plan(toolCalls(['rank_campaigns', {}]), 'Top 5 campaigns by ROI');
    const names = (model.calls[0]!.tools as { name: string }[]).map((tool) => tool.name).sort();
    expect(names).toEqual([
      'aggregate_by_dimension',
      'describe_campaign',
      'explain_change',
      'get_underperforming_campaigns',
      'kpi_trend',
      'predict_revenue',
      'query_metrics',
      'rank_campaigns',
      'reply_without_data',
      'segment_campaigns',
      'simulate_budget',
    ]);
    const [system, human] = model.calls[0]!.messages;
    expect(system?.content).toContain('Only call tools');
    expect(system?.content).toContain('2021-02-28');
    expect(human?.content).toBe('<data kind="question">\n"Top 5 campaigns by ROI"\n</data>');
  });

  it('drops null arguments (absent, for zod) and keeps the rest', async () => {
    const result = await plan(
      toolCalls(['rank_campaigns', { metric: 'cpl', direction: 'bottom', category: null }]),
    );
    expect(result.plan.calls).toEqual([
      { tool: 'rank_campaigns', args: { metric: 'cpl', direction: 'bottom' } },
    ]);
  });

  it('turns arguments that are not an object into a clarification, not a default call', async () => {
    const result = await plan(toolCalls(['rank_campaigns', ['roi']]));
    expect(result.plan.calls).toEqual([]);
    expect(result.plan.clarification).toBeDefined();
    expect(result.plan.intent).toBe('kpi_qa');
  });

  it('answers help and out_of_scope through reply_without_data, with no call', async () => {
    const help = await plan(toolCalls(['reply_without_data', { intent: 'help' }]), 'Que sais-tu faire ?');
    expect(help.plan).toMatchObject({ intent: 'help', calls: [], language: 'fr' });
    const digest = await plan(
      toolCalls(['reply_without_data', { intent: 'digest_admin', digest_action: 'list' }]),
    );
    expect(digest.plan).toMatchObject({ intent: 'digest_admin', digest: { action: 'list' } });
  });

  it('treats a plain text reply as out of scope with low confidence', async () => {
    const result = await plan(new AIMessage('Bonjour ! Voici la météo.'), 'Quel temps fera-t-il demain ?');
    expect(result.plan).toMatchObject({ intent: 'out_of_scope', calls: [] });
    expect(result.plan.confidence).toBeLessThan(0.5);
  });

  it('throws LlmUnavailableError past the deadline, quickly', async () => {
    const planner = createLlmPlanner(new ScriptedChatModel(['hang']), { timeoutMs: 100 });
    // The scripted model never answers: only the deadline can end this call (no wall-clock bound needed).
    await expect(planner.plan({ text: 'Top 5', catalog })).rejects.toMatchObject({
      name: 'LlmUnavailableError',
      reason: 'timeout',
    });
  });

  it('wraps a model error in LlmUnavailableError', async () => {
    const planner = createLlmPlanner(new ScriptedChatModel([new Error('boom')]), { timeoutMs: 1000 });
    await expect(planner.plan({ text: 'Top 5', catalog })).rejects.toBeInstanceOf(LlmUnavailableError);
  });
});

describe('malicious arguments', () => {
  const rank = findTool('rank_campaigns')!;
  it.each([
    ['a limit of 10000', { limit: 10000 }],
    ['a limit as a string', { limit: '5' }],
    ['an unknown metric', { metric: 'password' }],
    ['an extra sql argument', { sql: 'DROP TABLE marketing_kpi' }],
    ['a category with control characters', { category: "social'\n; DROP TABLE marketing_kpi; --" }],
    ['a category longer than 100 characters', { category: `x' OR 1=1 ${'-'.repeat(120)}` }],
  ])('rejects %s (schema, and never planned)', async (_label, args) => {
    expect(rank.schema.safeParse(args).success).toBe(false);
    const result = await plan(toolCalls(['rank_campaigns', args]));
    expect(result.plan.calls).toEqual([]);
    expect(result.plan.confidence).toBeLessThan(0.5);
  });

  it('refuses a short SQL-looking category before any query (it is only ever a bound value)', async () => {
    const category = "social' OR '1'='1";
    expect(rank.schema.safeParse({ category }).success).toBe(true);
    const context = { catalog: { get: async () => catalog, invalidate() {} } } as unknown as ToolContext;
    await expect(resolveCategory(context, category)).rejects.toMatchObject({ code: 'CATEGORY_NOT_FOUND' });
  });
});

describe('composeWithLlm with a scripted chat model', () => {
  const input = {
    question: 'Top 5 des campagnes par ROI',
    language: 'fr' as const,
    toolSummaries: ['Plus haut ROI :\n1. facebook_tier1 (social) : +277,3 %'],
    facts: [{ label: 'Meilleure campagne', value: 'facebook_tier1' }],
  };

  it('returns text and recommendations from one forced write_answer call', async () => {
    const answer = {
      text: 'facebook_tier1 mène avec +277,3 %.',
      recommendations: ['Renforcer', 'Tester', 'Couper'],
    };
    const model = new ScriptedChatModel([toolCalls(['write_answer', answer])]);
    await expect(composeWithLlm(model, input)).resolves.toEqual(answer);
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0]!.toolChoice).toBe('write_answer');
    expect(String(model.calls[0]!.messages[1]?.content)).toContain('+277,3 %');
  });

  it('rejects a reply with fewer than two recommendations', async () => {
    const model = new ScriptedChatModel([
      toolCalls(['write_answer', { text: 'ok', recommendations: ['une'] }]),
    ]);
    await expect(composeWithLlm(model, input)).rejects.toMatchObject({ reason: 'invalid_response' });
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Top 5 des campagnes par ROI', 'fr'],
    ['Quelles campagnes sont sous-performantes ?', 'fr'],
    ['et pour search ?', 'fr'],
    ['Which campaigns are underperforming?', 'en'],
    ['What revenue can we expect if budget increases by 20%?', 'en'],
    ['Top 5 campaigns by ROI', 'en'],
    ['what about the bottom 3?', 'en'],
    ['ROI', 'fr'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
