// The audit log: one entry per question (who asked, from where, which tools with which arguments, how long, how
// it ended) in the state store (STATE_DIR/audit.json). Append-only: this module only ever adds entries; the only
// thing that drops one is retention (older than AUDIT_RETENTION_DAYS, or beyond the AUDIT_MAX_ENTRIES newest).
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
import { createJsonCollection } from '../store/json-collection.js';

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
  /** Adds one entry; resolves once it is on disk. Appends arriving together are written in one go. */
  append(entry: AuditEntry): Promise<void>;
  /** Stored entries matching the query, oldest first. */
  list(query?: AuditQuery): Promise<AuditEntry[]>;
}

export interface AuditSettings {
  retentionDays: number;
  maxEntries: number;
  /** Characters of the question kept (0 = the question is not kept, only its length). */
  questionChars: number;
  /** Values that must never be written (the configured tokens, keys and passwords). */
  secrets?: readonly (string | undefined)[];
}

export interface AuditDeps {
  logger: Logger;
  backend?: StoreBackend;
  now?: () => Date;
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
  const collection = createJsonCollection(stateDir, 'audit', auditEntrySchema, {
    logger: deps.logger,
    backend: deps.backend,
    // Retention is applied at each write: entries past the retention, then all but the newest maxEntries.
    prune: (items) => {
      const cutoff = now().getTime() - settings.retentionDays * DAY_MS;
      const recent = items.filter((item) => Date.parse(item.at) >= cutoff);
      return recent.length > settings.maxEntries ? recent.slice(-settings.maxEntries) : recent;
    },
  });
  // Entries waiting for the next write, and that write: concurrent questions share one file rewrite.
  let pending: AuditEntry[] = [];
  let nextWrite: Promise<void> | undefined;
  return {
    append(entry) {
      pending.push(entry);
      nextWrite ??= collection
        .update((items) => {
          const batch = pending;
          pending = [];
          nextWrite = undefined;
          return [...items, ...batch];
        })
        .then(() => undefined);
      return nextWrite;
    },
    async list(query = {}) {
      await collection.load();
      const since = query.since?.getTime();
      const user = query.user;
      const matching = collection
        .all()
        .filter((entry) => since === undefined || Date.parse(entry.at) >= since)
        .filter((entry) => user === undefined || askedBy(entry, user));
      return query.limit !== undefined ? matching.slice(-query.limit) : matching;
    },
  };
}
