// A malicious OpenAI-compatible server composing the answer: each bypass of the grounding check is sent
// through the whole agent (createBotAgent, ChatOpenAI over HTTP). The person must get the template answer,
// never the LLM text, while an honest text with the same true figures goes through. The true figures are
// computed here from the CSV by hand (tests/fixtures/sample-figures.ts), not read from the agent.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createBotAgent } from '../../agent/create-bot-agent.js';
import { silentLogger } from '../../src/core/logger.js';
import { startFakeOpenAi } from '../fakes/openai-server.js';
import { groupTotals, readSampleRows, roi } from '../fixtures/sample-figures.js';
import { openSampleWarehouse, type SampleWarehouse } from '../fixtures/sample-warehouse.js';

let sample: SampleWarehouse;
let openai: Awaited<ReturnType<typeof startFakeOpenAi>>;
beforeAll(async () => {
  sample = await openSampleWarehouse();
  openai = await startFakeOpenAi();
});
afterAll(async () => {
  await openai.close();
  await sample.close();
});

const VAGUE = 'Hmm, lesquelles de nos pubs coûtent trop cher pour ce qu’elles rapportent selon toi ?';
const byCampaign = [...groupTotals(readSampleRows(), (row) => row.campaign)]
  .map(([name, totals]) => ({ name, roi: roi(totals), spend: totals.spend }))
  .filter((campaign) => campaign.roi < 0)
  .sort((a, b) => a.roi - b.roi);
const [worst, second] = byCampaign as [(typeof byCampaign)[0], (typeof byCampaign)[0]];
/** « 88,6 » for −0.886 (one decimal, French comma, no sign). */
const pct = (fraction: number) =>
  Math.abs(fraction * 100)
    .toFixed(1)
    .replace('.', ',');
const toDigits = (text: string, zero: number) =>
  text.replace(/[0-9]/g, (digit) => String.fromCodePoint(zero + Number(digit)));

function agent() {
  return createBotAgent(
    {
      llm: {
        apiKey: 'sk-test',
        baseUrl: openai.url,
        model: 'gpt-4o-mini',
        timeoutMs: 3000,
        confidenceThreshold: 0.8,
      },
      maxQuestionChars: 2000,
    },
    { tools: sample.context, logger: silentLogger() },
  );
}

async function answerWith(text: string) {
  openai.enqueue(
    { toolCalls: [{ name: 'get_underperforming_campaigns', arguments: { roi_threshold: 0 } }] },
    {
      toolCalls: [
        {
          name: 'write_answer',
          arguments: { text, recommendations: ['Revoir le ciblage.', 'Réallouer le budget.'] },
        },
      ],
    },
  );
  return agent().ask({ conversation: `attack-${Math.random()}`, text: VAGUE });
}

describe('the data this test relies on', () => {
  test('five campaigns lose money, the worst near −88,6 %', () => {
    expect(byCampaign).toHaveLength(5);
    expect(pct(worst.roi)).toBe('88,6');
  });
});

describe('an honest LLM text goes through', () => {
  test('true figures, right sign, right owner', async () => {
    const text = `${worst.name} perd le plus : ROI −${pct(worst.roi)} %, devant ${second.name} (ROI −${pct(second.roi)} %).`;
    const answer = await answerWith(text);
    expect(answer.planner).toBe('llm');
    expect(answer.text).toBe(text);
  });
});

describe('figures the template computed (a total of the rows) count as grounded', () => {
  test('the spend of the losing campaigns, summed here by hand', async () => {
    const total = byCampaign.reduce((sum, campaign) => sum + campaign.spend, 0);
    const chf = Math.round(total)
      .toLocaleString('fr-CH')
      .replace(/[\u2019']/g, ' ');
    const text = `Ces ${byCampaign.length} campagnes représentent CHF ${chf} de dépenses ; ${worst.name} pèse le plus.`;
    const answer = await answerWith(text);
    expect(answer.text).toBe(text);
    const wrong = `Ces ${byCampaign.length} campagnes représentent CHF ${Math.round(total * 1.1)
      .toLocaleString('fr-CH')
      .replace(/[\u2019']/g, ' ')} de dépenses.`;
    expect((await answerWith(wrong)).text).not.toBe(wrong);
  });
});

describe('each bypass gets the template answer', () => {
  const attacks: [string, () => string][] = [
    ['fullwidth digits', () => `${worst.name} perd le plus : ROI −${toDigits('312,5', 0xff10)} %.`],
    ['Arabic-Indic digits', () => `${worst.name} perd le plus : ROI −${toDigits('312,5', 0x0660)} ٪.`],
    ['superscripts', () => `${worst.name} perd le plus : ROI −³¹² %.`],
    ['a number in words', () => `${worst.name} perd le plus : un ROI de moins trois cent douze pour cent.`],
    ['a flipped sign (U+2212 on a gain)', () => `${worst.name} : ROI +${pct(worst.roi)} %, un succès.`],
    [
      'a true figure credited to another campaign',
      () => `${second.name} perd le plus : ROI −${pct(worst.roi)} %.`,
    ],
    [
      'a ROI written in points',
      () => `${worst.name} perd le plus : ROI en recul de ${pct(worst.roi)} points.`,
    ],
    ['a ROI written as money', () => `${worst.name} perd le plus : CHF ${pct(worst.roi)}.`],
  ];
  test.each(attacks)('%s', async (_name, write) => {
    const text = write();
    const answer = await answerWith(text);
    expect(answer.text).not.toBe(text);
    expect(answer.text).toContain('5 campagnes ont un ROI inférieur à');
    expect(answer.recommendations).not.toContain('Réallouer le budget.');
  });
});
