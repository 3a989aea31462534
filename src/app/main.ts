// CLI entry: serve | ask | chat | eval | kpi | tool | digest | audit | data | mcp. Errors end here as a short French message
// (plus the technical detail on stderr for the operator); never a stack trace.

import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.js';
import { toAppError, userMessage } from '../core/errors.js';
import { type App, createApp } from './app.js';
import { ASK_OPTIONS, askCommand } from './cli/ask.js';
import { auditCommand } from './cli/audit.js';
import { chatCommand } from './cli/chat.js';
import { dataCommand } from './cli/data.js';
import { digestCommand } from './cli/digest.js';
import { kpiCommand } from './cli/kpi.js';
import { toolCommand } from './cli/tool.js';
import { startServer } from './http/server.js';
import { connectPlatforms } from './platforms.js';
import {
  dataStatus,
  featureFlags,
  formatStartupReport,
  mergeStatuses,
  startupReport,
} from './startup-report.js';

async function serve(app: App): Promise<void> {
  const platforms = await connectPlatforms(app);
  const running = await startServer(app, platforms.routers);
  await platforms.start();
  // The digest scheduler: settles what a previous run left unfinished, catches up a missed slot, arms timers.
  await app.digests.start();
  const data = dataStatus(app.data.dataReport());
  const report = [...mergeStatuses(startupReport(app.config), platforms.statuses), ...(data ? [data] : [])];
  // One log event for the start (the summary below is for people); each feature's reason at debug level.
  for (const status of report) app.logger.debug(status, 'feature');
  app.logger.info(
    { url: running.url, warehouse: app.data.warehouse.kind, features: featureFlags(report) },
    'ready',
  );
  console.log(
    `Marketing bot prêt : ${running.url} (chat local ; santé : ${running.url}healthz). Ctrl+C pour arrêter.`,
  );
  console.log(formatStartupReport(report));
  const stop = async () => {
    await platforms.stop();
    await running.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `ask --data FILE [--model FILE | --mapping FILE]` answers from another file, in memory, leaving the bot's database alone. */
function useAskDataOverrides(config: Config, argv: string[]): void {
  const { values } = parseArgs({ args: argv, allowPositionals: true, options: ASK_OPTIONS, strict: false });
  if (typeof values.data === 'string') {
    config.warehouse.dataPath = values.data;
    config.warehouse.duckdbPath = ':memory:';
    config.warehouse.kind = 'duckdb';
  }
  if (typeof values.mapping === 'string') config.warehouse.mappingPath = values.mapping;
  if (typeof values.model === 'string') config.warehouse.modelPath = values.model;
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  const config = loadConfig();
  if (command === 'ask') useAskDataOverrides(config, rest);
  // The audit log is a file in the state store: reading it needs no warehouse, model or agent.
  if (command === 'audit') return await auditCommand(config, rest);
  // Inspecting a data file needs no app: an in-memory DuckDB reads it.
  if (command === 'data') return await dataCommand(rest);
  const app = await createApp(config);
  try {
    if (command === 'serve') return await serve(app);
    if (command === 'kpi') await kpiCommand(app, rest);
    else if (command === 'ask') await askCommand(app, rest);
    else if (command === 'chat') await chatCommand(app);
    // eval may build its own LLM client: LangChain's OpenAI modules stay out of the other commands' start.
    else if (command === 'eval') await (await import('./cli/eval.js')).evalCommand(app, rest);
    else if (command === 'tool') await toolCommand(app, rest);
    // The MCP SDK is loaded by the command that needs it, not by every start.
    else if (command === 'mcp') await (await import('./mcp.js')).serveMcpStdio(app);
    else if (command === 'digest') {
      // Digests posted from the command line go through the same platform adapters as the server's.
      if (rest[0] === 'run' && !rest.includes('--dry-run')) await connectPlatforms(app);
      await digestCommand(app, rest);
    } else {
      console.error(
        `Commande inconnue : ${command}. Commandes : serve, ask, chat, eval, kpi, tool, digest, audit, data, mcp.`,
      );
      process.exitCode = 2;
    }
  } finally {
    if (command !== 'serve') await app.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const appError = toAppError(error);
  console.error(userMessage(appError));
  console.error(`[${appError.code}] ${appError.message}`);
  process.exitCode = 1;
});
