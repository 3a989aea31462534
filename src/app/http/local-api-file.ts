// How the CLI finds the running bot: `npm start` writes STATE_DIR/local-api.json (its pid, loopback URL, a random
// token, which warehouse it serves), readable by this account only (0600), and removes it when it stops. Reading
// the file proves the caller may read STATE_DIR, i.e. is the bot's operator; the token then opens /local/*.
// Kept light (node:fs only): the CLI reads it before loading anything heavy.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { WarehouseConfig } from '../../config.js';

export const LOCAL_API_FILE = 'local-api.json';

export interface LocalApiInfo {
  pid: number;
  /** The server's loopback base URL, ending with `/`. */
  url: string;
  token: string;
  /** `warehouseIdentity` of the server: a CLI configured for other data must not ask it. */
  warehouse: string;
}

/** The data a process answers from: the same file and database, or the same Databricks warehouse. */
export function warehouseIdentity(config: WarehouseConfig): string {
  const file = (path: string | undefined) => (path === undefined ? '' : resolve(path));
  if (config.kind === 'databricks')
    return JSON.stringify(['databricks', config.databricks?.host ?? '', config.databricks?.path ?? '']);
  return JSON.stringify([
    'duckdb',
    config.duckdbPath === ':memory:' ? ':memory:' : file(config.duckdbPath),
    file(config.dataPath),
    file(config.modelPath),
    file(config.mappingPath),
  ]);
}

export function writeLocalApiFile(stateDir: string, info: LocalApiInfo): void {
  mkdirSync(stateDir, { recursive: true });
  const path = join(stateDir, LOCAL_API_FILE);
  // Written whole under a temp name (swept at start if we die here), then renamed: a reader never sees half a token.
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600); // the mode above is filtered by the umask only ever downwards, but be explicit
  renameSync(temp, path);
}

export function readLocalApiFile(stateDir: string): LocalApiInfo | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(stateDir, LOCAL_API_FILE), 'utf8'));
  } catch {
    return undefined; // no server, or a file we cannot read (another account's bot): run in-process
  }
  const info = value as Partial<LocalApiInfo> | null;
  if (
    !info ||
    !Number.isSafeInteger(info.pid) ||
    typeof info.url !== 'string' ||
    !/^http:\/\/(127\.0\.0\.1|\[::1\]|localhost|[\d.]+|\[[\da-f:]+\]):\d+\/$/i.test(info.url) ||
    typeof info.token !== 'string' ||
    info.token.length < 32 ||
    typeof info.warehouse !== 'string'
  )
    return undefined;
  return info as LocalApiInfo;
}

/** Removes the file if it is still ours (a newer server may have replaced it). */
export function removeLocalApiFile(stateDir: string, token: string): void {
  if (readLocalApiFile(stateDir)?.token === token) rmSync(join(stateDir, LOCAL_API_FILE), { force: true });
}
