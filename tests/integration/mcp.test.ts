// The MCP surface with the SDK's own client, over Streamable HTTP (the real server, bearer tokens) and stdio
// (`src/app/main.ts mcp` as a child process): tools and resources listed, every tool called, invalid and hostile
// arguments refused before anything runs, figures equal to an independent computation and to the web API's,
// auth refused without a valid token, one audit entry per call.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { TOOL_NAMES } from '../../src/analysis/tools/names.js';
import { type App, createApp } from '../../src/app/app.js';
import { type RunningServer, startServer } from '../../src/app/http/server.js';
import { mcpAdapterFor } from '../../src/app/mcp.js';
import { webChatFor } from '../../src/app/platforms.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { groupTotals, readSampleRows, roi } from '../fixtures/sample-figures.js';

const ALICE = 'alice-token-0123456789abcdef0123';
const BOB = 'bob-token-0123456789abcdef012345';
const TOOLS = [...TOOL_NAMES];

type ToolResult = {
  content: { type: string; text?: string; data?: string; mimeType?: string }[];
  structuredContent?: { rows: Record<string, unknown>[]; provenance: { tool: string; sql?: string }[] };
  isError?: boolean;
};

// The campaigns by ROI, computed from the CSV by hand (no SQL).
const sample = readSampleRows();
const byCampaign = [...groupTotals(sample, (row) => row.campaign)].map(([name, totals]) => ({
  name,
  roi: roi(totals),
}));
byCampaign.sort((a, b) => b.roi - a.roi);

let app: App;
let server: RunningServer;
let stateDir: string;
beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'mcp-'));
  app = await createApp(
    loadConfig({
      DUCKDB_PATH: ':memory:',
      STATE_DIR: stateDir,
      PORT: '0',
      MCP_TOKENS: `alice=${ALICE},bob=${BOB}`,
      MCP_DISABLED_USERS: 'bob',
      RATE_LIMIT_PER_MINUTE: '0',
    }),
    { logger: silentLogger() },
  );
  server = await startServer(app, [webChatFor(app).router!, mcpAdapterFor(app).router!]);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await app?.close();
});

async function httpClient(token = ALICE): Promise<Client> {
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL('mcp', server.url), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

const call = async (client: Client, name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as ToolResult;

describe('over Streamable HTTP', () => {
  test('lists every analysis tool plus ask, read-only, and the two resources', async () => {
    const client = await httpClient();
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...TOOLS, 'ask'].sort());
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
    expect(tools.some((tool) => /digest/i.test(tool.name))).toBe(false);
    const rank = tools.find((tool) => tool.name === 'rank_campaigns')!;
    expect(rank.inputSchema.properties).toHaveProperty('metric');
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(
      expect.arrayContaining(['semantic-model://current', 'catalog://campaigns/1']),
    );
    const model = await client.readResource({ uri: 'semantic-model://current' });
    const modelJson = JSON.parse(String((model.contents[0] as { text: string }).text)) as {
      metrics: { name: string }[];
    };
    expect(modelJson.metrics.map((metric) => metric.name)).toContain('roi');
    const catalog = await client.readResource({ uri: 'catalog://campaigns/1' });
    const page = JSON.parse(String((catalog.contents[0] as { text: string }).text)) as {
      total: number;
      campaigns: unknown[];
    };
    expect(page.total).toBe(new Set(sample.map((row) => `${row.campaign}|${row.category}`)).size);
    await client.close();
  });

  test('rank_campaigns gives the hand-computed ranking, a chart as PNG and its provenance', async () => {
    const client = await httpClient();
    const result = await call(client, 'rank_campaigns', { metric: 'roi', limit: 3 });
    expect(result.isError).toBeUndefined();
    const rows = result.structuredContent!.rows;
    expect(rows.map((row) => row.campaign_name)).toEqual(byCampaign.slice(0, 3).map((item) => item.name));
    rows.forEach((row, index) => {
      expect(row.roi as number).toBeCloseTo(byCampaign[index]!.roi, 9);
    });
    expect(result.structuredContent!.provenance[0]!.sql).toMatch(/\bSELECT\b/);
    const image = result.content.find((item) => item.type === 'image');
    expect(image?.mimeType).toBe('image/png');
    expect(Buffer.from(image!.data!, 'base64').subarray(1, 4).toString()).toBe('PNG');
    await client.close();
  });

  test('every tool answers with valid arguments', async () => {
    const client = await httpClient();
    const valid: Record<string, Record<string, unknown>> = {
      rank_campaigns: {},
      get_underperforming_campaigns: {},
      aggregate_by_dimension: { group_by: 'category' },
      describe_campaign: { campaign_name: byCampaign[0]!.name },
      kpi_trend: { metric: 'roi', grain: 'week' },
      simulate_budget: { budget_increase_pct: 20 },
      predict_revenue: { budget: 1_000 },
      segment_campaigns: {},
      query_metrics: { metrics: ['revenue'], group_by: ['category'], totals: true },
      explain_change: {
        metric: 'roi',
        before: { date_from: '2021-02-01', date_to: '2021-02-07' },
        after: { date_from: '2021-02-08', date_to: '2021-02-14' },
      },
    };
    for (const name of TOOLS) {
      const result = await call(client, name, valid[name]!);
      expect({
        name,
        isError: result.isError ?? false,
        text: result.isError ? result.content[0]?.text : '',
      }).toEqual({
        name,
        isError: false,
        text: '',
      });
      expect(result.structuredContent!.provenance[0]!.tool).toBe(name);
    }
    await client.close();
  }, 120_000);

  test('the figures equal those the web API gives for the same question', async () => {
    const client = await httpClient();
    const question = 'Top 5 des campagnes par ROI';
    const viaMcp = await call(client, 'ask', { question });
    const viaWeb = (await (
      await fetch(new URL('api/ask', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: question }),
      })
    ).json()) as { text: string; provenance: { rows: Record<string, unknown>[] }[] };
    expect(viaMcp.structuredContent!.rows).toEqual(viaWeb.provenance[0]!.rows);
    expect(viaMcp.content[0]!.text).toContain(viaWeb.text);
    await client.close();
  });

  test('invalid and hostile arguments are refused before anything runs', async () => {
    const client = await httpClient();
    const before = (await app.audit.list()).length;
    const refused = [
      await call(client, 'rank_campaigns', { metric: 'DROP TABLE marketing_kpi' }),
      await call(client, 'rank_campaigns', { limit: 1_000_000 }),
      await call(client, 'rank_campaigns', { sql: 'SELECT 1' }),
    ];
    for (const result of refused) expect(result.isError).toBe(true);
    // The zod schema refused them in the SDK: the pipeline never saw them (no audit entry, no query).
    expect((await app.audit.list()).length).toBe(before);
    // A string that passes the schema is a bound value, never SQL: an unknown category, said in French.
    const injected = await call(client, 'rank_campaigns', { category: "x'; DROP TABLE marketing_kpi; --" });
    expect(injected.isError).toBe(true);
    expect(injected.content[0]!.text).toMatch(/catégorie/i);
    const still = await call(client, 'rank_campaigns', {});
    expect(still.structuredContent!.rows.length).toBeGreaterThan(0);
    await client.close();
  });

  test('each call writes one audit entry for the token’s user', async () => {
    const client = await httpClient();
    const before = (await app.audit.list({ user: 'mcp:alice' })).length;
    await call(client, 'aggregate_by_dimension', { group_by: 'category' });
    await call(client, 'ask', { question: 'Quelles campagnes sont sous-performantes ?' });
    const entries = (await app.audit.list({ user: 'mcp:alice' })).slice(before);
    expect(entries.map((entry) => [entry.surface, entry.tools[0]?.tool])).toEqual([
      ['mcp', 'aggregate_by_dimension'],
      ['mcp', 'get_underperforming_campaigns'],
    ]);
    await client.close();
  });

  test('no token, a wrong token or a disabled user’s token: 401 with a message', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(new URL('mcp', server.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: 'Bearer not-a-known-token-at-all-000000' },
      { authorization: `Bearer ${BOB}` },
    ]) {
      const response = await post(headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(
        ((await response.json()) as { error_description: string }).error_description.length,
      ).toBeGreaterThan(10);
    }
    const bob = await post({ authorization: `Bearer ${BOB}` });
    expect(((await bob.json()) as { error_description: string }).error_description).toMatch(/désactivé/);
    await expect(httpClient('wrong-token-0000000000000000000000')).rejects.toThrow();
  });
});

describe('over stdio', () => {
  test('`main.ts mcp` lists the tools and answers a call with the same figures', async () => {
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: ['--import', 'tsx', 'src/app/main.ts', 'mcp'],
        env: {
          PATH: process.env.PATH ?? '',
          DUCKDB_PATH: ':memory:',
          STATE_DIR: mkdtempSync(join(tmpdir(), 'mcp-stdio-')),
          LOG_LEVEL: 'silent',
        },
        stderr: 'ignore',
      }),
    );
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('rank_campaigns');
    const result = await call(client, 'rank_campaigns', { metric: 'roi', limit: 1 });
    expect(result.structuredContent!.rows[0]!.campaign_name).toBe(byCampaign[0]!.name);
    await client.close();
  }, 120_000);
});
