// MCP as one more platform adapter: its /mcp router on the one HTTP server (bearer tokens), no delivery port
// (a client asks; the bot never posts to it), nothing to start or stop (stateless requests).
import type { Logger } from '../../src/core/logger.js';
import type { FeatureStatus, PlatformAdapter } from '../../src/core/platform-adapter.js';
import { createMcpRouter, type McpHttpSettings } from './http.js';
import type { McpDeps } from './server.js';

export function mcpStatus(settings: Pick<McpHttpSettings, 'tokens'>): FeatureStatus {
  const count = settings.tokens.length;
  return {
    feature: 'mcp',
    on: count > 0,
    why:
      count > 0
        ? `POST /mcp (Streamable HTTP, ${count} jeton(s))`
        : 'MCP_TOKENS absent : /mcp fermé (npm run mcp sert stdio)',
  };
}

export function createMcpAdapter(settings: McpHttpSettings, deps: McpDeps, logger: Logger): PlatformAdapter {
  return {
    platform: 'mcp',
    router: createMcpRouter(deps, settings, logger),
    status: mcpStatus(settings),
    async start() {},
    async stop() {},
  };
}
