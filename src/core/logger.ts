// Structured JSON logs (pino). Secrets are redacted by key wherever they appear, so a token passed in an
// object by mistake never reaches a log line.
import { type Logger, pino } from 'pino';

export type { Logger };

const SECRET_KEYS = [
  'token',
  'accessToken',
  'access_token',
  'botToken',
  'appToken',
  'signingSecret',
  'password',
  'appPassword',
  'apiKey',
  'authorization',
  'Authorization',
];

export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
];

export interface LoggerOptions {
  level: string;
  /** Where lines go; stderr by default so stdout stays clean for `--json` output. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    { level: options.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}

/** A logger that drops everything (tests, library use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
