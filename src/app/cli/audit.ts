// `npm run audit -- [--json] [--since YYYY-MM-DD] [--user ID] [--limit N]`: the newest audit entries, oldest first,
// as a text table or one JSON object per line. Reads the audit files only (STATE_DIR/audit*.jsonl; no warehouse).
import { parseArgs } from 'node:util';
import type { Config } from '../../config.js';
import { AppError } from '../../core/errors.js';
import { createLogger, type Logger } from '../../core/logger.js';
import { type AuditEntry, type AuditLog, createAuditLog } from '../audit.js';

const DEFAULT_LIMIT = 50;

function parseSince(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new AppError('INVALID_ARGUMENTS', `audit: --since ${value} is not a date`, {
      hint: 'Exemple : npm run audit -- --since 2026-11-01',
    });
  return date;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(limit) || limit < 1)
    throw new AppError('INVALID_ARGUMENTS', `audit: --limit ${value} is not a positive integer`, {
      hint: 'Exemple : npm run audit -- --limit 20',
    });
  return limit;
}

const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const oneLine = (text: string) => text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');

function toolsCell(entry: AuditEntry): string {
  if (entry.tools.length === 0) return '-';
  return entry.tools.map((call) => `${call.tool}(${call.rowCount})`).join(' ');
}

/** A fixed-width table: time, surface, user, outcome, intent, duration, tools (rows), question. */
export function formatAuditTable(entries: AuditEntry[]): string {
  if (entries.length === 0) return 'Aucune entrée dans le journal d’audit.';
  const header = [
    'date (UTC)',
    'surface',
    'utilisateur',
    'résultat',
    'intention',
    'ms',
    'outils (lignes)',
    'question',
  ];
  const rows = entries.map((entry) => [
    entry.at.slice(0, 19).replace('T', ' '),
    entry.surface,
    cut(entry.user ?? '-', 28),
    entry.errorCode ? `${entry.outcome} (${entry.errorCode})` : entry.outcome,
    entry.intent,
    String(entry.durationMs),
    cut(toolsCell(entry), 48),
    entry.question === undefined ? `(${entry.questionChars} car.)` : cut(oneLine(entry.question), 60),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export async function auditCommand(
  config: Config,
  argv: string[],
  // `audit`: the running server's own log (entries not yet on disk included); without it, the file is read.
  deps: { logger?: Logger; out?: (line: string) => void; audit?: AuditLog } = {},
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      since: { type: 'string' },
      user: { type: 'string' },
      limit: { type: 'string' },
    },
  });
  const query = { since: parseSince(values.since), user: values.user, limit: parseLimit(values.limit) };
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  const out = deps.out ?? ((line: string) => console.log(line));
  const audit = deps.audit ?? createAuditLog(config.stateDir, config.audit, { logger });
  const entries = await audit.list(query);
  if (values.json) for (const entry of entries) out(JSON.stringify(entry));
  else out(formatAuditTable(entries));
}
