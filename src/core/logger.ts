// Structured JSON logs (pino). Secrets are redacted by key at any depth, so a token passed in an object by
// mistake (even deep inside a config object) never reaches a log line.
import { type Logger, pino } from 'pino';

export type { Logger };

const SECRET_KEY =
  /^(token|access_?token|bot_?token|app_?token|signing_?secret|secret|password|app_?password|api_?key|authorization|cookie)$/i;
const MAX_DEPTH = 8;
export const REDACTED = '[redacted]';

/** A copy of `value` with every secret-named key replaced, at any depth (cycles and depth bounded). */
export function redactSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: value.message };
  if (depth >= MAX_DEPTH || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactSecrets(item, depth + 1, seen);
  }
  return out;
}

export interface LoggerOptions {
  level: string;
  /** Where lines go; stderr by default so stdout stays clean for `--json` output. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: undefined,
      formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
    },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}

/** A logger that drops everything (tests, library use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
