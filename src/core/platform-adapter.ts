// The one contract every surface implements (Slack, Teams, the local web chat, MCP), so the app wires a list of
// platforms instead of each one by hand: what it mounts on the HTTP server, how digests reach it, how it starts and
// stops, and what it says it switched on. Adapters build it in their factory; `src/app/platforms.ts` loops over it.
import type { Router } from 'express';
import type { DeliveryPort } from './delivery-port.js';

/** A platform's name; also the prefix of its ConversationRefs (`slack:…`, `teams:…`, `web:…`, `mcp:…`). */
export type PlatformName = 'slack' | 'teams' | 'web' | 'mcp';

/** One line of the start-up report: a feature, whether it runs, and why (or why not). */
export interface FeatureStatus {
  feature: string;
  on: boolean;
  why: string;
}

export interface PlatformAdapter {
  readonly platform: PlatformName;
  /**
   * Its HTTP endpoints, mounted at the server's root in list order and before any body parser (Slack verifies
   * the signature of the raw body; the others parse their own). Absent when it needs none (Slack Socket Mode).
   */
  readonly router?: Router;
  /** How digests and alerts post to its conversations; absent when it cannot post unprompted (the web chat). */
  readonly deliveryPort?: DeliveryPort;
  /** What it switched on and how, for the start-up report. */
  readonly status: FeatureStatus;
  /** Starts what listens or retries on its own (Slack Socket Mode, Slack's retry list). Only `serve` calls it. */
  start(): Promise<void>;
  /** Waits (bounded) for answers in progress, then disconnects. */
  stop(): Promise<void>;
}
