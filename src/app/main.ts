// CLI entry: serve | ask | chat | eval | kpi | tool | digest | audit | data | mcp. Errors end here as a short French message
// (plus the technical detail on stderr for the operator); never a stack trace.

import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.js';
import { toAppError, userMessage } from '../core/errors.js';
import type { App } from './app.js';
import { ASK_OPTIONS } from './cli/ask-options.js';
import { explainLock, runViaServer } from './cli/via-server.js';

// Everything below is loaded on demand: a command a running bot answers for the CLI (cli/via-server.ts) must not
// pay seconds of module loading (agent, SDKs, charts) before its answer.
const load = {
  app: () => import('./app.js'),
  commands: () => import('./cli/commands.js'),
  serve: () =>
    Promise.all([
      import('./platforms.js'),
      import('./http/server.js'),
      import('./http/local-api.js'),
      import('./startup-report.js'),
    ]),
};

async function serve(app: App): Promise<void> {
  const [{ connectPlatforms }, { startServer }, { createLocalApi }, startup] = await load.serve();
  const { dataStatus, featureFlags, formatStartupReport, healthPortStatus, mergeStatuses, startupReport } =
    startup;
  const platforms = await connectPlatforms(app);
  // The CLI's way in while this process holds the DuckDB file (token in STATE_DIR/local-api.json).
  const localApi = createLocalApi(app);
  const running = await startServer(app, [localApi.router, ...platforms.routers]);
  localApi.publish(running.server);
  await platforms.start();
  // The digest scheduler: settles what a previous run left unfinished, catches up a missed slot, arms timers.
  await app.digests.start();
  const data = dataStatus(app.data.dataReport());
  const actual = [
    ...platforms.statuses,
    ...(app.config.http.healthPort && !running.health ? [healthPortStatus(app.config, true)] : []),
  ];
  const report = [...mergeStatuses(startupReport(app.config), actual), ...(data ? [data] : [])];
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
    localApi.unpublish();
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
  // A running bot holds the DuckDB file: the commands it can run for us go to it.
  if (await runViaServer(config, command, rest)) return;
  // The audit log is a file in the state store: reading it needs no warehouse, model or agent.
  if (command === 'audit') return await (await import('./cli/audit.js')).auditCommand(config, rest);
  // Inspecting a data file needs no app: an in-memory DuckDB reads it.
  if (command === 'data') return await (await import('./cli/data.js')).dataCommand(rest);
  const { createApp } = await load.app();
  const app = await createApp(config).catch((error: unknown) => {
    throw explainLock(config, error, command);
  });
  try {
    if (command === 'serve') return await serve(app);
    const { runAppCommand } = await load.commands();
    if (command === 'kpi' || command === 'ask' || command === 'tool') await runAppCommand(app, command, rest);
    else if (command === 'chat') await (await import('./cli/chat.js')).chatCommand(app);
    else if (command === 'eval') await (await import('./cli/eval.js')).evalCommand(app, rest);
    else if (command === 'mcp') await (await import('./mcp.js')).serveMcpStdio(app);
    else if (command === 'digest') {
      // Digests posted from the command line go through the same platform adapters as the server's.
      if (rest[0] === 'run' && !rest.includes('--dry-run'))
        await (await import('./platforms.js')).connectPlatforms(app);
      await runAppCommand(app, command, rest);
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
