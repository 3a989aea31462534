// Logs for people and machines: JSON lines unless the destination is a terminal (or LOG_FORMAT=pretty), then one
// readable line per event; the secret redaction holds in both formats.
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { expect, test } from '@jest/globals';
import { createLogger, type LogFormat } from '../../src/core/logger.js';

/** A destination that records what is written; `tty` makes it look like a terminal, as process.stderr does. */
function sink(tty: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    tty ? { isTTY: true } : {},
  );
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

function logSome(format: LogFormat | undefined, tty: boolean) {
  const out = sink(tty);
  const logger = createLogger({
    level: 'info',
    destination: out.stream,
    format,
    secrets: ['hunter2-secret'],
  });
  logger.info({ campaigns: 11, token: 'xoxb-1-2-abcdefABCDEF' }, 'KPI tables built');
  logger.warn({ err: 'refused with hunter2-secret' }, 'Slack could not start');
  logger.debug('not at this level');
  return out;
}

test('JSON lines when the destination is not a terminal', () => {
  const out = logSome(undefined, false);
  const records = out.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(records.map((record) => [record.level, record.msg])).toEqual([
    [30, 'KPI tables built'],
    [40, 'Slack could not start'],
  ]);
  expect(records[0]).toMatchObject({ campaigns: 11, token: '[redacted]' });
  expect(records[1]!.err).toBe('refused with [redacted]');
});

test.each([
  ['auto, on a terminal', undefined, true],
  ['pretty, into a pipe', 'pretty' as const, false],
])('one readable line per event (%s), secrets still redacted', (_name, format, tty) => {
  const out = logSome(format, tty);
  const lines = out.lines();
  expect(lines).toHaveLength(2);
  // Colours only on a terminal; compare the text without them.
  const text = lines.map((line) => stripVTControlCharacters(line));
  expect(text[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: KPI tables built \{.*"campaigns":11/);
  // The error field too stays on its line (pino-pretty would put `err` on lines of its own).
  expect(text[1]).toMatch(
    /^\[\d\d:\d\d:\d\d\] WARN: Slack could not start \{"err":"refused with \[redacted\]"\}$/,
  );
  expect(() => JSON.parse(text[0]!)).toThrow();
  expect(lines.join('\n')).not.toMatch(/hunter2|abcdefABCDEF/);
  expect(lines.join('\n')).toContain('[redacted]');
  expect(lines.some((line) => stripVTControlCharacters(line) !== line)).toBe(tty);
});

test('json stays JSON even on a terminal (LOG_FORMAT=json)', () => {
  const out = logSome('json', true);
  expect(out.lines().map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
    'KPI tables built',
    'Slack could not start',
  ]);
});
