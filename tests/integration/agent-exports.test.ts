// The whole offline agent on team exports: a KPI on an absent measure (no revenue, or revenue zero everywhere)
// is answered with the French explanation, and no recommendation rests on it (no "Renforcer 30-34 (ROI −100 %)").
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createAgent } from '../../agent/graph.js';
import { createOfflinePlanner } from '../../agent/nlu/offline-planner.js';
import type { Plan, Planner } from '../../src/analysis/plan.js';
import type { ToolContext } from '../../src/analysis/tools/types.js';
import { silentLogger } from '../../src/core/logger.js';
import { createMlService } from '../../src/ml/service.js';
import { createCatalogProvider } from '../../src/warehouse/catalog.js';
import { createDuckDbDriver } from '../../src/warehouse/duckdb.js';
import { buildKpiTables } from '../../src/warehouse/kpi.js';
import { loadMarketingData } from '../../src/warehouse/loader.js';
import { createWarehouse, type Warehouse } from '../../src/warehouse/warehouse.js';
import { TEST_LIMITS } from '../fixtures/sample-warehouse.js';

async function openExport(file: string): Promise<{ warehouse: Warehouse; context: ToolContext }> {
  const driver = await createDuckDbDriver({ path: ':memory:' });
  const warehouse = createWarehouse(driver, TEST_LIMITS, { logger: silentLogger() });
  await loadMarketingData(warehouse, file, undefined);
  await buildKpiTables(warehouse);
  const catalog = createCatalogProvider(warehouse);
  const ml = createMlService({ maxTrainingRows: 10_000, currency: 'CHF' }, { warehouse, catalog });
  return { warehouse, context: { warehouse, catalog, currency: 'CHF', ml } };
}

function scripted(plans: Plan[]): Planner {
  return {
    name: 'offline',
    async plan() {
      const next = plans.shift();
      if (!next) throw new Error('no scripted plan left');
      return next;
    },
  };
}

const NO_REVENUE = "Vos données n'ont pas de chiffre d'affaires : ROI et ROAS ne sont pas calculables.";

describe.each([
  ['revenue zero everywhere', 'tests/fixtures/exports/zero-revenue.csv'],
  ['no revenue column', 'tests/fixtures/exports/no-revenue.csv'],
])('%s', (_label, file) => {
  let data: { warehouse: Warehouse; context: ToolContext };
  beforeAll(async () => {
    data = await openExport(file);
  });
  afterAll(() => data.warehouse.close());

  test.each([
    'Quelles campagnes sont sous-performantes ?',
    'Top 5 des campagnes par ROI',
    'Which segment has the highest ROI?',
  ])('« %s » gets the French explanation, not a figure', async (question) => {
    const agent = createAgent({
      tools: data.context,
      offline: createOfflinePlanner(),
      logger: silentLogger(),
      maxQuestionChars: 2000,
    });
    const answer = await agent.ask({ conversation: `c-${question}`, text: question });
    expect(answer.text).toContain(NO_REVENUE);
    expect(answer.text).not.toMatch(/−100/);
    expect(answer.recommendations.join(' ')).not.toMatch(/ROI [−+-]?\d|seuil de ROI/);
  });

  test('a breakdown recommends nothing on ROI; CPA still answers', async () => {
    const groupBy = file.includes('zero') ? 'age' : 'category';
    const agent = createAgent({
      tools: data.context,
      offline: scripted([
        {
          intent: 'kpi_qa',
          language: 'fr',
          confidence: 0.95,
          calls: [{ tool: 'aggregate_by_dimension', args: { group_by: groupBy } }],
        },
        {
          intent: 'kpi_qa',
          language: 'fr',
          confidence: 0.95,
          calls: [{ tool: 'rank_campaigns', args: { metric: 'cpa', direction: 'bottom' } }],
        },
      ]),
      logger: silentLogger(),
      maxQuestionChars: 2000,
    });
    const breakdown = await agent.ask({ conversation: 'b1', text: 'Analyse la performance' });
    expect(breakdown.errorCode).toBeUndefined();
    expect(breakdown.recommendations.join(' ')).not.toMatch(/ROI [−+-]?\d|seuil de ROI/);
    // No filler: the one advice the figures support is to add revenue to the export.
    expect(breakdown.recommendations).toContain(
      "Ajouter le chiffre d'affaires (valeur des conversions) à l'export pour pouvoir juger la rentabilité (ROI, ROAS).",
    );
    const cpa = await agent.ask({ conversation: 'b2', text: 'Campagnes au CPA le plus bas' });
    expect(cpa.errorCode).toBeUndefined();
    expect(cpa.provenance[0]?.rows.length).toBeGreaterThan(0);
  });
});
