// Logs for people and machines (pino): one readable line per event on a terminal (pino-pretty), JSON lines
// everywhere else (files, pipes, log collectors). Secrets are redacted by key at any depth, and secret-shaped values
// (tokens, API keys) are masked inside any string, so neither a config object nor an echoed error message leaks
// one; both formats print the same redacted record.
import { createRequire } from 'node:module';
import { type Logger, pino } from 'pino';
import type { PrettyOptions } from 'pino-pretty';
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
  /** `auto` (default): readable lines when the destination is a terminal, JSON lines otherwise. */
  format?: LogFormat;
}

export type LogFormat = 'auto' | 'pretty' | 'json';

const isTerminal = (stream: NodeJS.WritableStream) => (stream as { isTTY?: boolean }).isTTY === true;

/**
 * pino-pretty's formatter in this thread rather than as a worker transport: on a terminal the lines stay in order
 * with what the commands print on the console (the start-up summary), none is lost when the process exits at once,
 * and no thread is started. Its own stream is not used either: pino hands a stream its error key, which pino-pretty
 * then prints on lines of its own. Loaded only here, so JSON runs (servers, tests) never load it.
 */
function prettyDestination(destination: NodeJS.WritableStream): { write(line: string): void } {
  const { prettyFactory } = createRequire(import.meta.url)('pino-pretty') as {
    prettyFactory(options: PrettyOptions): (line: string) => string;
  };
  const format = prettyFactory({
    colorize: isTerminal(destination),
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    // One line per event, its fields inline after the message, `err` included (ours are already flattened to a
    // message by redactSecrets; pino-pretty would otherwise print error fields on lines of their own).
    singleLine: true,
    errorLikeObjectKeys: [],
  });
  return { write: (line) => destination.write(format(line)) };
}

export function createLogger(options: LoggerOptions): Logger {
  const mask = createSecretMask(options.secrets ?? []);
  const destination = options.destination ?? process.stderr;
  const format = options.format ?? 'auto';
  const pretty = format === 'pretty' || (format === 'auto' && isTerminal(destination));
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
    (pretty ? prettyDestination(destination) : destination) as pino.DestinationStream,
  );
}

/** A logger that drops everything (tests, library use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
