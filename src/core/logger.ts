// Structured JSON logs (pino). Secrets are redacted by key at any depth, and secret-shaped values (tokens, API
// keys) are masked inside any string, so neither a config object nor an echoed error message leaks one.
import { type Logger, pino } from 'pino';
import { createSecretMask, maskSecretValues } from './secrets.js';

export type { Logger };

const SECRET_KEY =
  /^(token|access_?token|bot_?token|app_?token|signing_?secret|secret|password|app_?password|api_?key|authorization|cookie)$/i;
const MAX_DEPTH = 8;
export const REDACTED = '[redacted]';

/** A copy of `value` with every secret-named key replaced, at any depth (cycles and depth bounded). */
export function redactSecrets(
  value: unknown,
  depth = 0,
  seen = new WeakSet<object>(),
  mask: (text: string) => string = maskSecretValues,
): unknown {
  if (typeof value === 'string') return mask(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: mask(value.message) };
  if (depth >= MAX_DEPTH || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen, mask));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactSecrets(item, depth + 1, seen, mask);
  }
  return out;
}

export interface LoggerOptions {
  level: string;
  /** Where lines go; stderr by default so stdout stays clean for `--json` output. */
  destination?: NodeJS.WritableStream;
  /** The configured secret values (tokens, keys): masked wherever they appear, whatever their shape. */
  secrets?: readonly (string | undefined)[];
}

export function createLogger(options: LoggerOptions): Logger {
  const mask = createSecretMask(options.secrets ?? []);
  return pino(
    {
      level: options.level,
      base: undefined,
      formatters: {
        log: (object) => redactSecrets(object, 0, new WeakSet(), mask) as Record<string, unknown>,
      },
      // The message itself (and an Error logged directly, whose message pino copies into msg) is masked too.
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg: unknown) => {
            if (typeof arg === 'string') return mask(arg);
            if (arg instanceof Error) {
              const copy = new Error(mask(arg.message));
              copy.name = arg.name;
              return copy;
            }
            return arg;
          });
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}

/** A logger that drops everything (tests, library use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
