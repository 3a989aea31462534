// The audit log: one entry per question (who asked, from where, which tools with which arguments, how long, how
// it ended) in the state store, as JSON lines (STATE_DIR/audit.jsonl, rotated every AUDIT_ROTATE_ENTRIES entries
// into audit.<n>.jsonl; an old audit.json is migrated once). Append-only: this module only ever adds entries, each
// answer writes its own line and nothing else; the only thing that drops one is retention (older than
// AUDIT_RETENTION_DAYS, or beyond the AUDIT_MAX_ENTRIES newest: list() never shows those, rotation removes their
// files).
//
// What is kept and why. Tool arguments are the validated values the tools ran with (campaign names, metrics,
// limits), never the SQL text or its rows. The question itself is kept, cut to AUDIT_QUESTION_CHARS (500 by
// default, 0 = not kept): the issue asks for "each question", and « who asked for that figure? » cannot be answered
// without it; the same text already sits in the conversation memory (STATE_DIR/conversations.json), so the audit
// adds no new kind of data, only a bounded copy. Every string that goes in is scrubbed: the configured secrets
// (tokens, keys, passwords) and anything shaped like a token are replaced by « [redacted] », so a user pasting a
// token into the chat does not put it in the audit log.
import { z } from 'zod';
import type { Answer } from '../core/answer.js';
import type { Logger } from '../core/logger.js';
import { type Question, SURFACES } from '../core/question.js';
import { createSecretMask, SECRET_MASK } from '../core/secrets.js';
import type { StoreBackend } from '../store/backend.js';
import { createJsonLinesLog } from '../store/json-lines-log.js';

export const OUTCOMES = ['answered', 'error', 'refused', 'rate_limited', 'busy'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const auditToolSchema = z.object({
  tool: z.string(),
  args: z.record(z.string(), z.unknown()),
  rowCount: z.number(),
  ms: z.number(),
});

export const auditEntrySchema = z.object({
  at: z.string(),
  surface: z.enum([...SURFACES, 'other']),
  user: z.string().optional(),
  userName: z.string().optional(),
  conversation: z.string(),
  /** The question, scrubbed and cut to AUDIT_QUESTION_CHARS (absent when that is 0). */
  question: z.string().optional(),
  questionChars: z.number().int(),
  intent: z.string(),
  language: z.string().optional(),
  planner: z.string(),
  tools: z.array(auditToolSchema),
  durationMs: z.number(),
  outcome: z.enum(OUTCOMES),
  errorCode: z.string().optional(),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;

export interface AuditQuery {
  /** Entries at or after this instant. */
  since?: Date;
  /** A full user id (`slack:T1:U1`) or its last part (`U1`). */
  user?: string;
  /** The newest N (default: all), oldest first. */
  limit?: number;
}

export interface AuditLog {
  /**
   * Adds one entry; resolves once it is on disk. Appends arriving together are written in one go. A write that
   * fails (full disk) rejects, and its entries stay in a bounded memory queue, written with the next append or
   * the next retry: nothing is lost once space returns (unless the queue overflowed: see `health().dropped`).
   */
  append(entry: AuditEntry): Promise<void>;
  /** Writes the entries waiting in memory now (also done every `retryMs` while some wait). */
  flush(): Promise<void>;
  /** Stored entries matching the query, oldest first. */
  list(query?: AuditQuery): Promise<AuditEntry[]>;
  /** Entries waiting for the disk, entries dropped because the queue was full, the last write error. */
  health(): { unwritten: number; dropped: number; lastError?: string };
  /** Stops the retry timer. */
  close(): void;
}

export interface AuditSettings {
  retentionDays: number;
  maxEntries: number;
  /** Characters of the question kept (0 = the question is not kept, only its length). */
  questionChars: number;
  /** Values that must never be written (the configured tokens, keys and passwords). */
  secrets?: readonly (string | undefined)[];
  /** Entries per JSON-lines file before it is rotated (default 5,000). */
  rotateEntries?: number;
}

export interface AuditDeps {
  logger: Logger;
  backend?: StoreBackend;
  now?: () => Date;
  /** Entries kept in memory while the disk refuses them (default 5,000; the oldest are dropped beyond). */
  maxUnwritten?: number;
  /** How often unwritten entries are tried again (default 5 s; 0 = only on append/flush, for tests). */
  retryMs?: number;
}

const DAY_MS = 86_400_000;
const MAX_ARG_CHARS = 200;
const MAX_ARG_ITEMS = 50;
const MAX_ARG_DEPTH = 4;
export const REDACTED = SECRET_MASK;

/** The same mask as the logs (src/core/secrets.ts). */
export const createScrubber = createSecretMask;

/** A bounded, scrubbed copy of a tool's arguments (strings cut, arrays capped, depth limited). */
function sanitizeArgs(value: unknown, scrub: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') {
    const clean = scrub(value);
    return clean.length > MAX_ARG_CHARS ? `${clean.slice(0, MAX_ARG_CHARS)}…` : clean;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value !== 'object' || depth >= MAX_ARG_DEPTH) return undefined;
  if (Array.isArray(value))
    return value.slice(0, MAX_ARG_ITEMS).map((item) => sanitizeArgs(item, scrub, depth + 1) ?? null);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, MAX_ARG_ITEMS)) {
    const clean = sanitizeArgs(item, scrub, depth + 1);
    if (clean !== undefined) out[scrub(key)] = clean;
  }
  return out;
}

// Errors that say the question could not be taken as asked (the user can fix it), as opposed to the bot failing.
const REFUSAL_CODES = new Set([
  'QUESTION_TOO_LONG',
  'SQL_REJECTED',
  'INVALID_ARGUMENTS',
  'CAMPAIGN_NOT_FOUND',
  'CATEGORY_NOT_FOUND',
  'BUDGET_CHANGE_OUT_OF_RANGE',
  'ML_INPUT_INVALID',
]);

/** answered · refused (out of scope, or a question the bot cannot take as asked) · error (the bot failed) ·
 * rate_limited (this user asked too much) · busy (the line of waiting questions was full). */
export function outcomeOf(answer: Answer): Outcome {
  if (answer.errorCode === 'RATE_LIMITED') return 'rate_limited';
  if (answer.errorCode === 'BUSY') return 'busy';
  if (answer.errorCode) return REFUSAL_CODES.has(answer.errorCode) ? 'refused' : 'error';
  return answer.intent === 'out_of_scope' ? 'refused' : 'answered';
}

export interface EntryInput {
  question: Question;
  answer: Answer;
  at: Date;
  durationMs: number;
}

/** Builds the entry for one question: no SQL, no rows, no secrets, the question cut to `questionChars`. */
export function buildAuditEntry(
  input: EntryInput,
  settings: Pick<AuditSettings, 'questionChars' | 'secrets'>,
): AuditEntry {
  const scrub = createScrubber(settings.secrets);
  const { question, answer } = input;
  const text = question.text ?? '';
  const kept = settings.questionChars > 0 ? scrub(text.slice(0, settings.questionChars)) : undefined;
  return {
    at: input.at.toISOString(),
    surface: question.surface ?? 'other',
    ...(question.user ? { user: scrub(question.user.id) } : {}),
    ...(question.user?.name ? { userName: scrub(question.user.name) } : {}),
    conversation: scrub(question.conversation),
    ...(kept !== undefined ? { question: text.length > settings.questionChars ? `${kept}…` : kept } : {}),
    questionChars: text.length,
    intent: answer.intent,
    language: answer.language,
    planner: answer.planner,
    tools: answer.provenance.map((call) => ({
      tool: call.tool,
      args: sanitizeArgs(call.args, scrub) as Record<string, unknown>,
      rowCount: call.rowCount,
      ms: Math.round(call.ms),
    })),
    durationMs: Math.round(input.durationMs),
    outcome: outcomeOf(answer),
    ...(answer.errorCode ? { errorCode: answer.errorCode } : {}),
  };
}

/** Whether `entry` was asked by `user`: the full id, or its last `:` part (the platform's own id). */
function askedBy(entry: AuditEntry, user: string): boolean {
  if (!entry.user) return false;
  return entry.user === user || entry.user.endsWith(`:${user}`);
}

export function createAuditLog(stateDir: string, settings: AuditSettings, deps: AuditDeps): AuditLog {
  const now = deps.now ?? (() => new Date());
  const rotateEntries = settings.rotateEntries ?? 5000;
  const cutoff = () => now().getTime() - settings.retentionDays * DAY_MS;
  // Enough files for the newest maxEntries, plus the one being filled: the disk holds at most
  // maxEntries + rotateEntries entries; list() applies the exact cap and the age retention.
  const log = createJsonLinesLog(stateDir, 'audit', auditEntrySchema, {
    logger: deps.logger,
    backend: deps.backend,
    linesPerFile: rotateEntries,
    maxFiles: Math.ceil(settings.maxEntries / rotateEntries) + 1,
    expired: (newest) => Date.parse(newest.at) < cutoff(),
    now: () => now().getTime(),
  });
  // Entries waiting for the next write (new ones, and those of a write that failed), and that write: concurrent
  // questions share one file rewrite.
  const maxUnwritten = deps.maxUnwritten ?? 5000;
  const retryMs = deps.retryMs ?? 5000;
  let pending: AuditEntry[] = [];
  let nextWrite: Promise<void> | undefined;
  /** The write on disk now (settled), so the next one starts after it. */
  let writing: Promise<unknown> = Promise.resolve();
  let dropped = 0;
  let lastError: string | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  const bound = () => {
    if (pending.length <= maxUnwritten) return;
    const excess = pending.length - maxUnwritten;
    pending = pending.slice(excess);
    dropped += excess;
    deps.logger.error(
      { dropped: excess, kept: maxUnwritten },
      'audit queue full while the disk refuses writes; oldest entries dropped',
    );
  };
  const scheduleRetry = () => {
    if (retryMs <= 0 || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (pending.length > 0) flush().catch(() => undefined);
    }, retryMs);
    retryTimer.unref();
  };
  const flush = (): Promise<void> => {
    if (nextWrite) return nextWrite;
    let batch: AuditEntry[] = [];
    // The batch is taken when the write starts, after the previous write: every append arriving meanwhile joins it
    // (one fsync for all of them; taking it at once made one fsync per entry, 15 s of « busy » answers in a burst).
    const attempt: Promise<void> = writing
      .then(() => {
        batch = pending;
        pending = [];
        if (nextWrite === attempt) nextWrite = undefined;
        return log.append(batch);
      })
      .then(
        () => {
          if (lastError) deps.logger.info({ written: batch.length }, 'audit entries written again');
          lastError = undefined;
        },
        (error: unknown) => {
          // Back in front of the queue, in order; the next append or the retry writes them.
          pending = [...batch, ...pending];
          bound();
          if (nextWrite === attempt) nextWrite = undefined;
          lastError = error instanceof Error ? error.message : String(error);
          scheduleRetry();
          throw error;
        },
      );
    nextWrite = attempt;
    writing = attempt.catch(() => undefined);
    return attempt;
  };
  return {
    append(entry) {
      pending.push(entry);
      bound();
      return flush();
    },
    async flush() {
      if (pending.length > 0) await flush();
    },
    health: () => ({ unwritten: pending.length, dropped, ...(lastError ? { lastError } : {}) }),
    close() {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
    },
    async list(query = {}) {
      // Retention: the newest maxEntries, none older than retentionDays (rotation removes whole files later).
      const oldest = cutoff();
      const since = Math.max(query.since?.getTime() ?? oldest, oldest);
      const user = query.user;
      const matching = (await log.readAll())
        .slice(-settings.maxEntries)
        .filter((entry) => Date.parse(entry.at) >= since)
        .filter((entry) => user === undefined || askedBy(entry, user));
      return query.limit !== undefined ? matching.slice(-query.limit) : matching;
    },
  };
}
