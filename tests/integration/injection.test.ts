// Injection strings in every text argument are bound values, never SQL: the tools answer (with a clear
// error or no rows) and the tables are intact afterwards.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { runTool } from '../../src/analysis/tools/registry.js';
import { isAppError, userMessage } from '../../src/core/errors.js';
import { openSampleWarehouse, type SampleWarehouse } from '../fixtures/sample-warehouse.js';

let sample: SampleWarehouse;
beforeAll(async () => {
  sample = await openSampleWarehouse();
});
afterAll(async () => {
  await sample.close();
});

const INJECTIONS = [
  "social' OR '1'='1",
  "'; DROP TABLE marketing_kpi; --",
  'social"; DELETE FROM marketing_clean; --',
  "x' UNION SELECT getenv('HOME'), 1, 1 --",
  "google_hot') OR 1=1 --",
  "'; COPY marketing_clean TO '/tmp/leak.csv'; --",
  "' || (SELECT read_text('/etc/passwd')) || '",
  '%',
  '_',
  "\\'; ATTACH '/tmp/x.db' AS x; --",
];

const TEXT_SLOTS: [string, (value: string) => Record<string, unknown>][] = [
  ['rank_campaigns', (value) => ({ category: value })],
  ['get_underperforming_campaigns', (value) => ({ category: value })],
  ['aggregate_by_dimension', (value) => ({ category: value })],
  ['describe_campaign', (value) => ({ campaign_name: value })],
  ['kpi_trend', (value) => ({ category: value })],
  ['kpi_trend', (value) => ({ campaign_name: value })],
];

test.each(
  TEXT_SLOTS.flatMap(([tool, slot]) =>
    INJECTIONS.map((text) => [tool, JSON.stringify(slot(text)), text] as const),
  ),
)('%s %s is data', async (tool, argsJson) => {
  const outcome = await runTool(tool, JSON.parse(argsJson), sample.context).then(
    (output) => ({ ok: true as const, output }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) {
    // Only possible if the text matched nothing special: then no row may come from outside the data.
    expect(outcome.output.rows.length).toBe(0);
  } else {
    expect(isAppError(outcome.error)).toBe(true);
    expect(['CATEGORY_NOT_FOUND', 'CAMPAIGN_NOT_FOUND', 'INVALID_ARGUMENTS']).toContain(
      (outcome.error as { code: string }).code,
    );
    expect(userMessage(outcome.error)).not.toMatch(/SELECT|DROP|stack|at .*\.ts/);
  }
});

test('an injection string bound straight to a named query matches nothing and changes nothing', async () => {
  const { rankCampaignsQuery } = await import('../../src/warehouse/queries.js');
  for (const text of INJECTIONS) {
    const result = await sample.warehouse.select(
      rankCampaignsQuery({ metric: 'roi', direction: 'top', limit: 50, category: text }),
    );
    expect(result.rows).toEqual([]);
  }
  const counts = await sample.warehouse.select({
    name: 'counts',
    sql: 'SELECT (SELECT COUNT(*) FROM marketing_clean) AS clean, (SELECT COUNT(*) FROM marketing_kpi) AS kpi',
    params: [],
  });
  expect(counts.rows[0]).toEqual({ clean: 308, kpi: 11 });
});
