// The local API of a running bot, for its own command line: while `npm start` holds the DuckDB file, `npm run ask`,
// `kpi`, `tool`, `digest`, `audit` (and `chat`) send their arguments here and print what the server ran for them
// (src/app/cli/via-server.ts). Closed to anyone else: the random token of STATE_DIR/local-api.json (0600) is
// required, and only from this machine, not through a proxy (a reverse proxy in front of the server forwards from
// loopback too, but adds Forwarded / X-Forwarded-For).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import { z } from 'zod';
import { toAppError } from '../../core/errors.js';
import type { App } from '../app.js';
import { runAppCommand } from '../cli/commands.js';
import { bufferIo } from '../cli/io.js';
import { SERVER_COMMANDS } from '../cli/server-commands.js';
import { removeLocalApiFile, warehouseIdentity, writeLocalApiFile } from './local-api-file.js';

export const LOCAL_RUN_PATH = '/local/run';

const runRequest = z.object({
  command: z.enum(SERVER_COMMANDS),
  argv: z.array(z.string().max(20_000)).max(64),
  // The CLI's `cli:<os user>`: the person at the terminal, for the audit log and the rate limit.
  asker: z.string().regex(/^cli:[^\s\p{Cc}]{1,64}$/u),
});

export interface LocalApi {
  router: express.Router;
  /** Writes STATE_DIR/local-api.json once `server` listens. */
  publish(server: Server): void;
  /** Removes the file (at stop). */
  unpublish(): void;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function fromThisMachine(request: express.Request): boolean {
  const { remoteAddress, localAddress } = request.socket;
  if (!remoteAddress) return false;
  const loopback = /^(127\.|::1$|::ffff:127\.)/.test(remoteAddress);
  // A server bound to one LAN address is reached at that address by a client on the same machine.
  return loopback || remoteAddress === localAddress;
}

/** The server's URL as a client on this machine reaches it: a wildcard bind (0.0.0.0, ::) is reached on loopback. */
export function loopbackUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}/`;
}

export function createLocalApi(app: App): LocalApi {
  const token = randomBytes(32).toString('base64url');
  const expected = digest(token);
  const router = express.Router();

  router.post(LOCAL_RUN_PATH, express.json({ limit: '1mb' }), async (request, response) => {
    const header = request.get('authorization') ?? '';
    const given = /^Bearer (\S+)$/.exec(header)?.[1];
    const proxied = request.get('forwarded') !== undefined || request.get('x-forwarded-for') !== undefined;
    if (!fromThisMachine(request) || proxied) {
      response.status(403).json({ error: 'API locale : accessible depuis cette machine seulement.' });
      return;
    }
    if (!given || !timingSafeEqual(digest(given), expected)) {
      response.status(401).json({ error: 'API locale : jeton absent ou invalide.' });
      return;
    }
    const parsed = runRequest.safeParse(request.body);
    if (!parsed.success) {
      response.status(400).json({ error: 'API locale : commande invalide.' });
      return;
    }
    const { command, argv, asker } = parsed.data;
    const io = bufferIo();
    try {
      await runAppCommand(app, command, argv, { io, asker: { id: asker } });
      response.json({ ok: true, ...io.result() });
    } catch (error) {
      // The CLI shows it as if the command had failed in its own process: the code and the French hint travel.
      const failure = toAppError(error);
      app.logger.warn({ command, code: failure.code, err: failure.message }, 'local CLI command failed');
      response.json({
        ok: false,
        ...io.result(),
        error: { code: failure.code, message: failure.message, hint: failure.hint },
      });
    }
  });

  const stateDir = app.config.stateDir;
  return {
    router,
    publish(server) {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : app.config.http.port;
      writeLocalApiFile(stateDir, {
        pid: process.pid,
        url: loopbackUrl(app.config.http.host, port),
        token,
        warehouse: warehouseIdentity(app.config.warehouse),
      });
    },
    unpublish: () => removeLocalApiFile(stateDir, token),
  };
}
