// Bolt, the Web API client and the Socket Mode client log through this bridge into the project's pino logger, so
// there is one log stream. pino redacts secret-named keys, but these libraries log free text: token-shaped strings
// (and the Socket Mode ticket in the wss:// URL) are masked here before anything is written.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.js';

const SECRETS = [/xox[a-z]-[A-Za-z0-9-]+/g, /xapp-[A-Za-z0-9-]+/g, /(ticket|token)=[^&\s"']+/g];

export function scrubSecrets(text: string): string {
  return SECRETS.reduce(
    (out, pattern) =>
      out.replace(pattern, (match) =>
        match.includes('=') ? match.replace(/=.*/, '=[redacted]') : '[redacted]',
      ),
    text,
  );
}

function toText(parts: unknown[]): string {
  return scrubSecrets(
    parts
      .map((part) => {
        if (typeof part === 'string') return part;
        if (part instanceof Error) return `${part.name}: ${part.message}`;
        try {
          return JSON.stringify(part);
        } catch {
          return String(part);
        }
      })
      .join(' '),
  );
}

const ORDER: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * A Bolt logger writing to `logger` (component "slack-sdk"). Its own threshold defaults to INFO: the SDKs' debug
 * lines echo request bodies (user messages), which we do not want in production logs.
 */
export function toBoltLogger(logger: Logger, initial: LogLevel = LogLevel.INFO): BoltLogger {
  const child = logger.child({ component: 'slack-sdk' });
  let level = initial;
  const enabled = (wanted: LogLevel) => ORDER.indexOf(wanted) >= ORDER.indexOf(level);
  return {
    debug: (...parts: unknown[]) => enabled(LogLevel.DEBUG) && child.debug(toText(parts)),
    info: (...parts: unknown[]) => enabled(LogLevel.INFO) && child.info(toText(parts)),
    warn: (...parts: unknown[]) => enabled(LogLevel.WARN) && child.warn(toText(parts)),
    error: (...parts: unknown[]) => enabled(LogLevel.ERROR) && child.error(toText(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
