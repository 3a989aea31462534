// MCP as one more platform adapter: its /mcp router on the one HTTP server (bearer tokens), no delivery port
// (a client asks; the bot never posts to it), nothing to start or stop (stateless requests).
import type { Logger } from '../../src/core/logger.js';
import type { PlatformAdapter } from '../../src/core/platform-adapter.js';
import { createMcpRouter, type McpHttpSettings } from './http.js';
import type { McpDeps } from './server.js';
import { mcpStatus } from './status.js';

export function createMcpAdapter(settings: McpHttpSettings, deps: McpDeps, logger: Logger): PlatformAdapter {
  return {
    platform: 'mcp',
    router: createMcpRouter(deps, settings, logger),
    status: mcpStatus(settings),
    async start() {},
    async stop() {},
  };
}
