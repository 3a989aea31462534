// The LangGraph agent end to end on the bundled data, with scripted planners: routing, validation of planned
// calls, execution, composition, LLM fallback, grounding, and memory across turns and across a restart.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createAgent } from '../../agent/graph.js';
import { FileCheckpointSaver } from '../../agent/memory/file-checkpointer.js';
import { createOfflinePlanner } from '../../agent/nlu/offline-planner.js';
import type { LlmComposer } from '../../agent/nodes/deps.js';
import type { Plan, Planner, PlannerInput } from '../../src/analysis/plan.js';
import { silentLogger } from '../../src/core/logger.js';
import { readSampleRows, totals } from '../fixtures/sample-figures.js';
import { openSampleWarehouse, type SampleWarehouse } from '../fixtures/sample-warehouse.js';

let sample: SampleWarehouse;
beforeAll(async () => {
  sample = await openSampleWarehouse();
});
afterAll(async () => {
  await sample.close();
});

/** A planner that returns scripted plans in order and records what it was given. */
function scripted(name: 'offline' | 'llm', plans: (Plan | Error)[]): Planner & { inputs: PlannerInput[] } {
  const inputs: PlannerInput[] = [];
  return {
    name,
    inputs,
    async plan(input) {
      inputs.push(input);
      const next = plans.shift();
      if (!next) throw new Error('no scripted plan left');
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

const underperformers: Plan = {
  intent: 'diagnostic',
  language: 'fr',
  confidence: 0.95,
  calls: [{ tool: 'get_underperforming_campaigns', args: {} }],
};

function agentWith(offline: Planner, extra: Partial<Parameters<typeof createAgent>[0]> = {}) {
  return createAgent({
    tools: sample.context,
    offline,
    logger: silentLogger(),
    maxQuestionChars: 2000,
    ...extra,
  });
}

describe('offline path', () => {
  test('an action in the ad platform is declined as an action, not as a question off the subject', async () => {
    const agent = agentWith(createOfflinePlanner());
    const fr = await agent.ask({ conversation: 'act-fr', text: 'mets en pause facebook_lal maintenant' });
    expect(fr.intent).toBe('out_of_scope');
    expect(fr.text).toMatch(/^Je ne peux pas agir sur les campagnes/);
    expect(fr.provenance).toEqual([]);
    const en = await agent.ask({ conversation: 'act-en', text: 'please switch off google_wide today' });
    expect(en.text).toMatch(/^I cannot act on your campaigns/);
    const offTopic = await agent.ask({ conversation: 'act-off', text: 'quel temps fait-il à Zurich ?' });
    expect(offTopic.text).toMatch(/^Je ne peux répondre qu’à des questions sur la performance/);
  });
  test('a guessed reading (low confidence) is asked back with the reading as a button; the button answers', async () => {
    const guess: Plan = {
      intent: 'kpi_qa',
      language: 'fr',
      confidence: 0.7,
      calls: [{ tool: 'rank_campaigns', args: { metric: 'revenue', direction: 'top', limit: 5 } }],
    };
    const agent = agentWith(scripted('offline', [guess, { ...guess, confidence: 0.9 }]));
    const asked = await agent.ask({ conversation: 'g1', text: 'trier les canaux selon le CA' });
    expect(asked.intent).toBe('clarify');
    expect(asked.provenance).toEqual([]);
    expect(asked.followUps[0]).toBe("Top 5 des campagnes par chiffre d'affaires");
    const actions = asked.blocks.flatMap((block) => (block.type === 'actions' ? block.actions : []));
    expect(actions.map((action) => action.value)).toContain("Top 5 des campagnes par chiffre d'affaires");
    const confirmed = await agent.ask({ conversation: 'g1', text: asked.followUps[0]! });
    expect(confirmed.intent).toBe('kpi_qa');
    expect(confirmed.provenance[0]?.tool).toBe('rank_campaigns');
  });

  test('a word the offline reading cannot explain is named in a question back; its button answers at once', async () => {
    const agent = agentWith(createOfflinePlanner());
    const asked = await agent.ask({ conversation: 'u1', text: 'Top 5 des campagnes par ROI zorglub' });
    expect(asked.intent).toBe('clarify');
    expect(asked.provenance).toEqual([]);
    expect(asked.text).toContain('« zorglub »');
    const [reading] = asked.followUps;
    expect(reading).toBe('Top 5 des campagnes par ROI');
    const confirmed = await agent.ask({ conversation: 'u1', text: reading! });
    expect(confirmed.intent).not.toBe('clarify');
    expect(confirmed.provenance[0]?.rowCount).toBe(5);
  });

  test('a short reply to a question back answers the pending question (metric named, or position)', async () => {
    const agent = agentWith(createOfflinePlanner());
    const asked = await agent.ask({ conversation: 'r1', text: 'les résultats de youtube_blogger ?' });
    expect(asked.intent).toBe('clarify');
    const revenue = totals(readSampleRows().filter((row) => row.campaign === 'youtube_blogger')).revenue;
    const answered = await agent.ask({ conversation: 'r1', text: 'le CA' });
    expect(answered.intent).not.toBe('clarify');
    expect(answered.provenance[0]?.args).toMatchObject({
      metrics: ['revenue'],
      campaigns: ['youtube_blogger'],
    });
    expect(answered.provenance[0]?.rows[0]?.revenue).toBeCloseTo(revenue, 2);

    const which = await agent.ask({ conversation: 'r2', text: 'CA de tier1 ?' });
    expect(which.followUps).toHaveLength(2);
    const second = await agent.ask({ conversation: 'r2', text: 'la 2e' });
    expect(second.provenance[0]?.args).toMatchObject({
      campaigns: [which.followUps[1]!.match(/\w+_tier1/)![0]],
    });
  });

  test('a diagnostic question: figures, 2–4 recommendations, provenance, table, chart, buttons', async () => {
    const agent = agentWith(scripted('offline', [underperformers]));
    const answer = await agent.ask({
      conversation: 't1',
      text: 'Quelles campagnes sont sous-performantes ?',
    });
    expect(answer.intent).toBe('diagnostic');
    expect(answer.planner).toBe('offline');
    expect(answer.text).toContain('5 campagnes');
    expect(answer.text).toContain('facebook_lal (−88,6\u202f%)');
    expect(answer.recommendations.length).toBeGreaterThanOrEqual(2);
    expect(answer.recommendations.length).toBeLessThanOrEqual(4);
    expect(answer.recommendations.join(' ')).toContain('facebook_lal');
    expect(answer.provenance).toHaveLength(1);
    expect(answer.provenance[0]?.sql).toMatch(/roi < \?/);
    expect(answer.blocks.map((block) => block.type)).toEqual(['text', 'table', 'chart', 'actions']);
    expect(answer.charts[0]?.kind).toBe('ranking');
  });

  test('two calls run together and a failing one becomes a French message next to the other result', async () => {
    const plan: Plan = {
      intent: 'kpi_qa',
      language: 'fr',
      confidence: 0.9,
      calls: [
        { tool: 'rank_campaigns', args: { metric: 'roi', limit: 3 } },
        { tool: 'describe_campaign', args: { campaign_name: 'facebok_tier2' } },
      ],
    };
    const answer = await agentWith(scripted('offline', [plan])).ask({ conversation: 't2', text: 'x' });
    expect(answer.provenance.map((item) => item.tool)).toEqual(['rank_campaigns']);
    expect(answer.text).toContain('youtube_blogger');
    expect(answer.text).toContain('Campagnes proches : facebOOK_tier2');
  });

  test('invalid planned arguments are never executed: the user is asked to rephrase', async () => {
    const plan: Plan = {
      intent: 'kpi_qa',
      language: 'fr',
      confidence: 0.9,
      calls: [{ tool: 'rank_campaigns', args: { limit: 10_000, metric: 'password' } }],
    };
    const answer = await agentWith(scripted('offline', [plan])).ask({ conversation: 't3', text: 'x' });
    expect(answer.provenance).toEqual([]);
    expect(answer.text).toMatch(/reformuler/);
  });

  test('a question over the length limit is refused before any planner runs', async () => {
    const planner = scripted('offline', [underperformers]);
    const answer = await agentWith(planner).ask({ conversation: 't4', text: 'a'.repeat(2001) });
    expect(answer.errorCode).toBe('QUESTION_TOO_LONG');
    expect(planner.inputs).toHaveLength(0);
  });

  test('help and out-of-scope answers carry example questions and no data', async () => {
    const agent = agentWith(
      scripted('offline', [
        { intent: 'help', language: 'en', confidence: 1, calls: [] },
        { intent: 'out_of_scope', language: 'fr', confidence: 1, calls: [] },
      ]),
    );
    const help = await agent.ask({ conversation: 't5', text: 'help' });
    expect(help.followUps).toContain('Top 5 campaigns by ROI');
    const out = await agent.ask({ conversation: 't5', text: 'météo ?' });
    expect(out.text).toMatch(/campagnes marketing/);
    expect(out.provenance).toEqual([]);
  });
});

describe('LLM path', () => {
  const lowConfidence: Plan = { ...underperformers, confidence: 0.3 };

  test('the LLM is consulted only below the confidence threshold', async () => {
    const llm = scripted('llm', [
      {
        ...underperformers,
        intent: 'kpi_qa',
        calls: [{ tool: 'rank_campaigns', args: { metric: 'cpl', direction: 'bottom', limit: 2 } }],
      },
    ]);
    const agent = agentWith(scripted('offline', [underperformers, lowConfidence]), {
      llm: { planner: llm, confidenceThreshold: 0.8 },
    });
    const confident = await agent.ask({ conversation: 'l1', text: 'sous-performantes ?' });
    expect(confident.planner).toBe('offline');
    expect(llm.inputs).toHaveLength(0);
    const unsure = await agent.ask({ conversation: 'l1', text: 'les moins chères ?' });
    expect(unsure.planner).toBe('llm');
    expect(llm.inputs).toHaveLength(1);
    expect(unsure.provenance[0]?.args).toMatchObject({ metric: 'cpl', direction: 'bottom', limit: 2 });
  });

  test('an LLM failure falls back to the offline plan and says so discreetly', async () => {
    const agent = agentWith(scripted('offline', [lowConfidence]), {
      llm: { planner: scripted('llm', [new Error('timeout')]), confidenceThreshold: 0.8 },
    });
    const answer = await agent.ask({ conversation: 'l2', text: 'x' });
    expect(answer.planner).toBe('offline_fallback');
    expect(answer.provenance[0]?.tool).toBe('get_underperforming_campaigns');
    expect(
      answer.blocks.some((block) => block.type === 'notice' && /sans le modèle de langage/.test(block.text)),
    ).toBe(true);
  });

  test('an LLM-written answer replaces the template only when grounded', async () => {
    const composerFor = (text: string): LlmComposer => ({
      compose: async () => ({
        text,
        recommendations: ['Couper facebook_lal.', 'Renforcer youtube_blogger.'],
      }),
      isGrounded: (candidate: string) => !candidate.includes('999'),
    });
    const run = async (text: string) =>
      agentWith(scripted('offline', [lowConfidence]), {
        llm: {
          planner: scripted('llm', [underperformers]),
          composer: composerFor(text),
          confidenceThreshold: 0.8,
        },
      }).ask({ conversation: `g-${text}`, text: 'x' });
    const grounded = await run('Cinq campagnes perdent de l’argent.');
    expect(grounded.text).toBe('Cinq campagnes perdent de l’argent.');
    const invented = await run('Le ROI moyen est de 999 %.');
    expect(invented.text).toContain('5 campagnes');
  });
});

describe('memory', () => {
  test('the next question in the same thread sees the previous plan; another thread does not', async () => {
    const planner = scripted('offline', [underperformers, underperformers, underperformers]);
    const agent = agentWith(planner);
    await agent.ask({ conversation: 'm1', text: 'sous-performantes ?' });
    await agent.ask({ conversation: 'm1', text: 'et pour search ?' });
    await agent.ask({ conversation: 'm2', text: 'et pour search ?' });
    expect(planner.inputs[0]?.previous).toBeUndefined();
    // The first campaign shown is remembered too: « et dans cette campagne ? » names it.
    expect(planner.inputs[1]?.previous).toEqual({
      intent: 'diagnostic',
      calls: underperformers.calls,
      language: 'fr',
      leader: { key: 'campaign_name', member: 'facebook_lal' },
    });
    expect(planner.inputs[2]?.previous).toBeUndefined();
  });

  test('a turn that asks nothing of the data (« merci », help) keeps the context before it', async () => {
    const chitChat: Plan = { intent: 'out_of_scope', language: 'fr', calls: [], confidence: 1 };
    const help: Plan = { intent: 'help', language: 'fr', calls: [], confidence: 1 };
    const planner = scripted('offline', [underperformers, chitChat, help, underperformers]);
    const agent = agentWith(planner);
    for (const text of ['sous-performantes ?', 'merci !', 'aide', 'et pour search ?'])
      await agent.ask({ conversation: 'chit-chat', text });
    const context = {
      intent: 'diagnostic',
      calls: underperformers.calls,
      language: 'fr',
      leader: { key: 'campaign_name', member: 'facebook_lal' },
    };
    expect(planner.inputs.map((input) => input.previous)).toEqual([undefined, context, context, context]);
  });

  test('memory keeps the plan, not the rows or the answer: a few KB per conversation', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'agent-memory-slim-'));
    const agent = agentWith(scripted('offline', [underperformers]), {
      checkpointer: new FileCheckpointSaver({ directory }),
    });
    const answer = await agent.ask({ conversation: 'slim', text: 'sous-performantes ?' });
    expect(answer.text).toContain('facebook_lal'); // the answer has the rows…
    const [file] = readdirSync(directory);
    const stored = readFileSync(join(directory, file!), 'utf8');
    // Checkpoints are base64 inside the file: decode them to read what is remembered.
    const plain = JSON.stringify(JSON.parse(stored), (_key, value) =>
      typeof value === 'string' && /^[A-Za-z0-9+/=]{40,}$/.test(value)
        ? Buffer.from(value, 'base64').toString()
        : value,
    );
    expect(plain).toContain('get_underperforming_campaigns'); // …the memory has the plan
    expect(answer.text).toContain('google_wide');
    expect(answer.text).toContain('inférieur');
    expect(plain).not.toContain('google_wide'); // …but not the rows nor the answer (only the first member shown)
    expect(plain).not.toContain('inférieur');
    expect(Buffer.byteLength(stored)).toBeLessThan(8 * 1024);
  });

  test('memory survives a restart through the file checkpointer', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'agent-memory-'));
    const first = scripted('offline', [underperformers, underperformers, underperformers]);
    const before = agentWith(first, {
      checkpointer: new FileCheckpointSaver({ directory, keepPerThread: 2 }),
    });
    await before.ask({ conversation: 'slack:T1:C1:1.1', text: 'sous-performantes ?' });
    await before.ask({ conversation: 'slack:T1:C1:1.1', text: 'sous-performantes ?' });
    const second = scripted('offline', [underperformers]);
    const after = agentWith(second, {
      checkpointer: new FileCheckpointSaver({ directory, keepPerThread: 2 }),
    });
    const answer = await after.ask({ conversation: 'slack:T1:C1:1.1', text: 'et pour search ?' });
    expect(second.inputs[0]?.previous).toEqual({
      intent: 'diagnostic',
      calls: underperformers.calls,
      language: 'fr',
      leader: { key: 'campaign_name', member: 'facebook_lal' },
    });
    expect(answer.intent).toBe('diagnostic');
  });
});
