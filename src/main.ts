// CLI entry: serve | kpi | tool | ask | chat | digest | eval. Errors end here as a short French message
// (plus the technical detail on stderr for the operator); never a stack trace.
import { type App, createApp } from './app.js';
import { kpiCommand } from './cli/kpi.js';
import { toolCommand } from './cli/tool.js';
import { loadConfig } from './config.js';
import { toAppError, userMessage } from './core/errors.js';
import { startServer } from './http/server.js';

const LATER: Record<string, string> = {
  ask: "l'agent (issue « The agent »)",
  chat: "l'agent (issue « The agent »)",
  digest: 'les digests (issue « Scheduled channel digests »)',
  eval: "l'agent (issue « The agent »)",
};

async function serve(app: App): Promise<void> {
  const running = await startServer(app);
  app.logger.info({ url: running.url, warehouse: app.data.warehouse.kind }, 'ready');
  console.log(`Marketing bot prêt : ${running.url} (santé : ${running.url}healthz). Ctrl+C pour arrêter.`);
  const stop = async () => {
    await running.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  if (command in LATER) {
    console.error(`« ${command} » arrive avec ${LATER[command]}. Disponible aujourd'hui : serve, kpi, tool.`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const app = await createApp(config);
  try {
    if (command === 'serve') return await serve(app);
    if (command === 'kpi') await kpiCommand(app, rest);
    else if (command === 'tool') await toolCommand(app, rest);
    else {
      console.error(`Commande inconnue : ${command}. Commandes : serve, kpi, tool.`);
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
