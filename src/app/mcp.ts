// The MCP surface wired to the app: tools from the registry, calls through the same question pipeline as every
// other surface (rate limit per user, the line, one audit entry per call), charts from the shared renderer.
// `npm run mcp` serves it on stdio as the local user; `serve` mounts /mcp when MCP_TOKENS is set (platforms.ts).
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createMcpAdapter } from '../../adapters/mcp/mcp-adapter.js';
import type { McpDeps } from '../../adapters/mcp/server.js';
import { serveStdio } from '../../adapters/mcp/stdio.js';
import { describeSemanticModel } from '../analysis/semantic-summary.js';
import { ML_TOOLS, SQL_TOOLS } from '../analysis/tools/registry.js';
import type { PlatformAdapter } from '../core/platform-adapter.js';
import type { App } from './app.js';
import { chartRendererFor } from './chart-renderer.js';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export function mcpDeps(app: App): McpDeps {
  const renderCharts = chartRendererFor(app);
  return {
    version: VERSION,
    tools: [...SQL_TOOLS, ...ML_TOOLS].map(({ name, description, schema }) => ({
      name,
      description,
      schema,
    })),
    callTool: (call, user) =>
      app.toolAgent.ask({
        conversation: `${user.id}:tools`,
        // What the audit log keeps as the "question": the call itself.
        text: `${call.tool} ${JSON.stringify(call.args)}`,
        user,
        surface: 'mcp',
        call,
      }),
    ask: (question, user) => app.agent.ask({ ...question, user, surface: 'mcp' }),
    renderCharts: async (answer) => (await renderCharts(answer)).map(({ png, title }) => ({ png, title })),
    semanticModel: async () =>
      describeSemanticModel(await app.tools.catalog.get(), app.config.currency, app.data.dataReport?.()),
    campaigns: async () => (await app.tools.catalog.get()).campaigns,
  };
}

/** The /mcp endpoint as a platform adapter (switched on by MCP_TOKENS in platforms.ts). */
export function mcpAdapterFor(app: App): PlatformAdapter {
  return createMcpAdapter(app.config.mcp, mcpDeps(app), app.logger);
}

/** `npm run mcp`: stdio for a desktop client, as the local account (`mcp:<os user>`). Logs go to stderr. */
export async function serveMcpStdio(app: App): Promise<void> {
  let account = 'local';
  try {
    account = userInfo().username || account;
  } catch {
    // An account without a passwd entry (some containers): `mcp:local`.
  }
  app.logger.info({ tools: SQL_TOOLS.length + ML_TOOLS.length + 1 }, 'MCP server on stdio');
  await serveStdio(mcpDeps(app), { id: `mcp:${account}` });
}
