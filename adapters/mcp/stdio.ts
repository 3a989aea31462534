// MCP over stdio, for a desktop client that starts the bot itself: one server for the local user, until the
// client closes the pipe. Nothing else may write to stdout (logs go to stderr).
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Asker } from '../../src/core/question.js';
import { createMcpServer, type McpDeps } from './server.js';

export async function serveStdio(deps: McpDeps, user: Asker): Promise<void> {
  const server = createMcpServer(deps, user);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  await server.connect(new StdioServerTransport());
  await closed;
}
