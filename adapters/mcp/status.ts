// What MCP over HTTP runs as, from its settings: the start-up report's line, in a module of its own so the report
// names it without loading the MCP SDK (taken only when MCP_TOKENS switches the endpoint on).
import type { FeatureStatus } from '../../src/core/platform-adapter.js';

export function mcpStatus(settings: { tokens: readonly unknown[] }): FeatureStatus {
  const count = settings.tokens.length;
  return {
    feature: 'mcp',
    on: count > 0,
    why:
      count > 0
        ? `POST /mcp (Streamable HTTP, ${count} ${count > 1 ? 'jetons' : 'jeton'})`
        : 'MCP_TOKENS absent : /mcp fermé (npm run mcp sert stdio)',
  };
}
