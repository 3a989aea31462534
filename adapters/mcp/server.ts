// The MCP surface: every analysis tool (its zod schema is the input schema), `ask` (a question in natural
// language), and two read-only resources (the semantic model, the campaign catalog by pages). It is a surface like
// Slack or Teams, not a second code path: calls go through the app's question pipeline (rate limit, audit) and
// the analysis layer; the adapter only translates MCP requests into Questions and Answers into MCP results.
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Answer } from '../../src/core/answer.js';
import type { Asker } from '../../src/core/question.js';

export interface McpToolSpec {
  name: string;
  description: string;
  schema: z.ZodType;
}

export interface McpChart {
  png: Buffer;
  title: string;
}

export interface McpDeps {
  /** The analysis tools offered (read-only: no digest or settings tool is ever listed). */
  tools: readonly McpToolSpec[];
  /** Runs one tool call through the app's pipeline (never throws: failures are Answers with a code). */
  callTool(call: { tool: string; args: Record<string, unknown> }, user: Asker): Promise<Answer>;
  /** Asks the agent a question through the app's pipeline (never throws). */
  ask(question: { text: string; conversation: string }, user: Asker): Promise<Answer>;
  renderCharts(answer: Answer): Promise<McpChart[]>;
  /** Measures, dimensions, KPI definitions, currency and date range, as JSON. */
  semanticModel(): Promise<unknown>;
  /** The campaigns, in catalog order. */
  campaigns(): Promise<readonly { campaignName: string; category: string }[]>;
  version: string;
}

export const CATALOG_PAGE_SIZE = 200;
const ASK_DESCRIPTION =
  'Pose une question sur les campagnes en français ou en anglais ; réponse avec chiffres, recommandations et ' +
  'provenance. / Ask a question about the campaigns in French or English; answer with figures, recommendations ' +
  'and provenance.';

const askSchema = z
  .object({
    question: z.string().min(1).max(2000).describe('The question, as a person would type it in chat'),
    conversation_id: z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .optional()
      .describe('Reuse the same id for follow-up questions (« et pour search ? »)'),
  })
  .strict();

/** An Answer as an MCP tool result: text (figures, recommendations, table), structured content, charts as PNG. */
async function toResult(answer: Answer, deps: McpDeps): Promise<CallToolResult> {
  const table = answer.blocks.find((block) => block.type === 'table');
  const lines = [answer.text];
  if (answer.recommendations.length > 0)
    lines.push('', 'Recommandations :', ...answer.recommendations.map((line) => `- ${line}`));
  const charts = answer.errorCode ? [] : await deps.renderCharts(answer).catch(() => []);
  return {
    content: [
      { type: 'text', text: lines.join('\n') },
      ...charts.map((chart) => ({
        type: 'image' as const,
        data: chart.png.toString('base64'),
        mimeType: 'image/png',
      })),
    ],
    structuredContent: {
      intent: answer.intent,
      language: answer.language,
      text: answer.text,
      recommendations: answer.recommendations,
      ...(table?.type === 'table'
        ? { columns: table.columns.map((column) => column.key), rows: table.rows }
        : { rows: [] }),
      provenance: answer.provenance.map(({ tool, args, sql, params, rowCount, ms }) => ({
        tool,
        args,
        sql,
        params,
        rowCount,
        ms,
      })),
      ...(answer.errorCode ? { errorCode: answer.errorCode } : {}),
    },
    ...(answer.errorCode ? { isError: true } : {}),
  };
}

/** One MCP server for one authenticated user (stdio: the local user; HTTP: the bearer token's user). */
export function createMcpServer(deps: McpDeps, user: Asker): McpServer {
  const server = new McpServer(
    { name: 'marketing-decision-bot', version: deps.version },
    {
      instructions:
        'Campaign KPIs (ROI, ROAS, CPA, CPL, CTR…), rankings, underperformers, breakdowns, trends, budget ' +
        'simulations and segments over the team’s own ad data. Every figure comes from named, parameterized SQL; ' +
        'the provenance of each result lists the query and its parameters. Read-only.',
    },
  );
  for (const tool of deps.tools) {
    server.registerTool(
      tool.name,
      { description: tool.description, inputSchema: tool.schema, annotations: { readOnlyHint: true } },
      async (args: unknown) =>
        toResult(await deps.callTool({ tool: tool.name, args: args as Record<string, unknown> }, user), deps),
    );
  }
  server.registerTool(
    'ask',
    { description: ASK_DESCRIPTION, inputSchema: askSchema, annotations: { readOnlyHint: true } },
    async (args: z.output<typeof askSchema>) =>
      toResult(
        await deps.ask(
          { text: args.question, conversation: `mcp:${user.id}:${args.conversation_id ?? 'default'}` },
          user,
        ),
        deps,
      ),
  );
  server.registerResource(
    'semantic-model',
    'semantic-model://current',
    {
      title: 'Modèle sémantique / Semantic model',
      description: 'Measures, dimensions and KPI definitions of the data the tools read',
      mimeType: 'application/json',
    },
    async (uri) => ({
      contents: [
        { uri: uri.href, mimeType: 'application/json', text: JSON.stringify(await deps.semanticModel()) },
      ],
    }),
  );
  server.registerResource(
    'campaigns',
    new ResourceTemplate('catalog://campaigns/{page}', {
      list: async () => ({
        resources: [
          { uri: 'catalog://campaigns/1', name: 'Campagnes, page 1', mimeType: 'application/json' },
        ],
      }),
    }),
    {
      title: 'Catalogue des campagnes / Campaign catalog',
      description: `The campaigns and their category, ${CATALOG_PAGE_SIZE} per page (catalog://campaigns/1, /2, …)`,
      mimeType: 'application/json',
    },
    async (uri, variables) => {
      const page = Number(variables.page);
      const campaigns = await deps.campaigns();
      const pages = Math.max(1, Math.ceil(campaigns.length / CATALOG_PAGE_SIZE));
      if (!Number.isInteger(page) || page < 1 || page > pages)
        throw new Error(`page must be a whole number from 1 to ${pages}`);
      const slice = campaigns.slice((page - 1) * CATALOG_PAGE_SIZE, page * CATALOG_PAGE_SIZE);
      const body = {
        page,
        pages,
        total: campaigns.length,
        ...(page < pages ? { next: `catalog://campaigns/${page + 1}` } : {}),
        campaigns: slice.map((campaign) => ({
          campaign_name: campaign.campaignName,
          category: campaign.category,
        })),
      };
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(body) }] };
    },
  );
  return server;
}
