// The CLI beside a running bot. `npm start` holds the DuckDB file (DuckDB lets one process write it, and no other
// process may even read it then), so `ask`, `kpi`, `tool`, `digest`, `audit` and `chat` send their arguments to
// that server (src/app/http/local-api.ts) and print what it ran for them. No server (no STATE_DIR/local-api.json,
// its process gone, /healthz silent, another warehouse) → false: the command runs in this process as before.
// Loaded before the app, so it imports nothing heavy.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../config.js';
import { AppError, ERROR_CODES, type ErrorCode, isAppError } from '../../core/errors.js';
import { type LocalApiInfo, readLocalApiFile, warehouseIdentity } from '../http/local-api-file.js';
import { ASK_OPTIONS } from './ask-options.js';
import { cliAsker } from './asker.js';
import { chatLoop } from './chat-loop.js';
import type { BufferedOutput } from './io.js';
import { isServerCommand, type ServerCommand } from './server-commands.js';

const HEALTH_TIMEOUT_MS = 2000;

interface RunReply extends BufferedOutput {
  ok: boolean;
  error?: { code: string; message: string; hint?: string };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another account's
  }
}

/** The running bot serving the same data as this CLI, if there is one and it answers. */
export async function findServer(config: Config): Promise<LocalApiInfo | undefined> {
  const info = readLocalApiFile(config.stateDir);
  if (!info || info.warehouse !== warehouseIdentity(config.warehouse) || !processAlive(info.pid))
    return undefined;
  try {
    const response = await fetch(`${info.url}healthz`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    const health = (await response.json()) as { live?: unknown };
    return health.live === true ? info : undefined;
  } catch {
    return undefined; // not listening (a stale file whose pid was reused), or hung: in-process, which says why
  }
}

/** `ask --data/--model/--mapping` answers from another file, in memory: never the server's data. */
function asksOtherData(argv: string[]): boolean {
  const { values } = parseArgs({ args: argv, allowPositionals: true, options: ASK_OPTIONS, strict: false });
  return values.data !== undefined || values.model !== undefined || values.mapping !== undefined;
}

/** `--chart FILE` as an absolute path of this process's directory: the server sends the PNG back for it. */
function chartPath(argv: string[]): { argv: string[]; chart?: string } {
  const { values } = parseArgs({ args: argv, allowPositionals: true, options: ASK_OPTIONS, strict: false });
  if (typeof values.chart !== 'string') return { argv };
  const chart = resolve(values.chart);
  const out = argv.flatMap((arg, index) => {
    if (arg.startsWith('--chart=')) return [`--chart=${chart}`];
    if (argv[index - 1] === '--chart') return [chart];
    return [arg];
  });
  return { argv: out, chart };
}

async function send(
  server: LocalApiInfo,
  command: ServerCommand,
  argv: string[],
): Promise<RunReply | undefined> {
  let response: Response;
  try {
    response = await fetch(`${server.url}local/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ command, argv, asker: cliAsker().id }),
    });
  } catch (error) {
    throw new AppError('LOCAL_SERVER_FAILED', `local API unreachable during ${command}: ${String(error)}`, {
      cause: error,
    });
  }
  // Not this server's token (a stale file): let the command run in-process, which explains any lock.
  if (response.status === 401 || response.status === 403) return undefined;
  if (!response.ok)
    throw new AppError('LOCAL_SERVER_FAILED', `local API answered HTTP ${response.status} to ${command}`);
  return (await response.json()) as RunReply;
}

function print(reply: RunReply, chart: string | undefined): void {
  if (reply.stdout) process.stdout.write(reply.stdout);
  if (reply.stderr) process.stderr.write(reply.stderr);
  // Only the file this CLI asked for is written, whatever the reply names.
  for (const file of reply.files ?? [])
    if (chart !== undefined && file.path === chart) writeFileSync(chart, Buffer.from(file.base64, 'base64'));
  if (reply.exitCode) process.exitCode = reply.exitCode;
  if (!reply.ok && reply.error) {
    const code = (reply.error.code in ERROR_CODES ? reply.error.code : 'INTERNAL') as ErrorCode;
    throw new AppError(code, reply.error.message, { hint: reply.error.hint });
  }
}

/** Runs the command through a running bot; false when there is none (the caller then runs it itself). */
export async function runViaServer(config: Config, command: string, argv: string[]): Promise<boolean> {
  if (command !== 'chat' && !isServerCommand(command)) return false;
  if (command === 'ask' && asksOtherData(argv)) return false;
  const server = await findServer(config);
  if (!server) return false;
  if (command === 'chat') {
    const conversation = `terminal:${randomUUID()}`;
    await chatLoop(async (question) => {
      const reply = await send(server, 'ask', ['--conversation', conversation, question]);
      if (!reply) throw new AppError('LOCAL_SERVER_FAILED', 'local API refused the token during chat');
      if (!reply.ok && reply.error) print({ ...reply, stdout: '', stderr: '', files: [] }, undefined);
      return reply.stdout;
    });
    return true;
  }
  const request = command === 'ask' ? chartPath(argv) : { argv };
  const reply = await send(server, command, request.argv);
  if (!reply) return false;
  print(reply, request.chart);
  return true;
}

/**
 * A locked DuckDB file explained from the CLI's side when the holder is the running bot itself: either its local API
 * did not answer (still starting), or the command is one it does not run for the CLI (`eval`, `mcp`), which can
 * read the data file into memory instead.
 */
export function explainLock(config: Config, error: unknown, command: string): unknown {
  if (!isAppError(error) || error.code !== 'WAREHOUSE_LOCKED') return error;
  const holder = /\(PID (\d+)\)/.exec(error.message)?.[1];
  const server = readLocalApiFile(config.stateDir);
  if (!holder || !server || String(server.pid) !== holder) return error;
  const hint =
    command === 'chat' || isServerCommand(command)
      ? `Le bot lancé par « npm start » (PID ${holder}) utilise ce fichier mais ne répond pas sur ${server.url} : attendez qu'il ait fini de démarrer et relancez la commande, ou arrêtez-le (Ctrl+C, ou kill ${holder}).`
      : `Le bot lancé par « npm start » (PID ${holder}) utilise ce fichier, et « ${command} » ne passe pas par lui : lancez-la avec DUCKDB_PATH=:memory: (les données sont relues en mémoire), ou arrêtez le bot le temps de la commande.`;
  return new AppError('WAREHOUSE_LOCKED', error.message, { cause: error, hint });
}
