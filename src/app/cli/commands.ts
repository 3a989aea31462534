// The commands that need the app (its warehouse, agent, digests), run the same way in the CLI process and, when a
// bot is already running (`npm start` holds the DuckDB file), inside that server for the CLI (see
// src/app/http/local-api.ts). Output goes through a CliIo, so both print the same thing.
import type { App } from '../app.js';
import { askCommand } from './ask.js';
import { cliAsker } from './asker.js';
import { auditCommand } from './audit.js';
import { digestCommand } from './digest.js';
import { type CommandContext, consoleIo } from './io.js';
import { kpiCommand } from './kpi.js';
import type { ServerCommand } from './server-commands.js';
import { toolCommand } from './tool.js';

export async function runAppCommand(
  app: App,
  command: ServerCommand,
  argv: string[],
  context: CommandContext = { io: consoleIo(), asker: cliAsker() },
): Promise<void> {
  const { io } = context;
  switch (command) {
    case 'ask':
      return askCommand(app, argv, context);
    case 'kpi':
      return kpiCommand(app, argv, io);
    case 'tool':
      return toolCommand(app, argv, io);
    case 'digest':
      return digestCommand(app, argv, io);
    case 'audit':
      // The server's own log: entries still waiting for the disk are listed too.
      return auditCommand(app.config, argv, { out: io.out, audit: app.audit, logger: app.logger });
  }
}
