// The digest records kept in the state store, as zod schemas (each collection file is validated on load).
import { z } from 'zod';

export const subscriptionSchema = z.object({
  /** A small number as text (« arrête le digest 2 »); never reused after removal. */
  id: z.string().regex(/^\d+$/),
  /** The ConversationRef the digest posts into (`slack:…` / `teams:…`). */
  target: z.string().min(1),
  cron: z.string().min(1),
  timezone: z.string().min(1),
  /** ROI as a fraction: campaigns strictly below are listed (0 = losing money). */
  roiThreshold: z.number(),
  category: z.string().optional(),
  createdAt: z.string(),
  /** Set on removal: the record stays so its id is never handed out again. */
  removedAt: z.string().optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const ledgerEntrySchema = z.object({
  /** `digest:<subscription>:<slot ISO>` or `alert:<subscription>:<campaign>:<direction>:<refresh ISO>`. */
  key: z.string(),
  kind: z.enum(['digest', 'alert']),
  subscriptionId: z.string(),
  target: z.string(),
  /** The scheduled slot (digests) or the data refresh (alerts), ISO UTC. */
  slot: z.string(),
  /**
   * pending: about to post (written before the first attempt); sent: the platform accepted it; failed: retries
   * ran out or the error was permanent; skipped: deliberately not posted (missed, or unknown after a crash).
   */
  status: z.enum(['pending', 'sent', 'failed', 'skipped']),
  updatedAt: z.string(),
  attempts: z.number().int().optional(),
  note: z.string().optional(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const digestRowSchema = z.object({
  campaign_name: z.string(),
  category: z.string(),
  roi: z.number().nullable(),
});
export type DigestRow = z.infer<typeof digestRowSchema>;

/** The rows of a subscription's last posted digest: the base for « what changed since last time ». */
export const digestHistorySchema = z.object({
  subscriptionId: z.string(),
  slot: z.string(),
  rows: z.array(digestRowSchema),
});
export type DigestHistory = z.infer<typeof digestHistorySchema>;

/** Every campaign's ROI after the last data refresh: the alerts compare the next refresh against it. */
export const roiSnapshotSchema = digestRowSchema.extend({ takenAt: z.string() });
export type RoiSnapshotRow = z.infer<typeof roiSnapshotSchema>;
