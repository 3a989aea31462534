// Who asks what, from where: the question every surface hands to the agent. `user` and `surface` feed the audit
// log and the per-user rate limit (src/guarded-agent.ts); the agent graph itself only reads conversation + text.

export const SURFACES = ['slack', 'teams', 'web', 'cli', 'mcp'] as const;
export type Surface = (typeof SURFACES)[number];

export interface Asker {
  /** Stable and prefixed by platform: `slack:T1:U1`, `teams:<aad object id>`, `web:<conversation>`, `cli:<os user>`, `mcp:<token's user>`. */
  id: string;
  name?: string;
}

export interface Question {
  /** The ConversationRef: the memory key (follow-ups in the same thread build on the previous turn). */
  conversation: string;
  text: string;
  user?: Asker;
  surface?: Surface;
  /** false for a message the bot overheard (a reply in its Slack thread without a mention): if it turns out not to
   * be a question for the bot, it is neither answered nor written to the audit log. */
  addressed?: boolean;
  /** A tool called directly (an MCP client): the pipeline answers this call instead of planning from `text`, which
   * then only describes the call for the audit log. */
  call?: { tool: string; args: Record<string, unknown> };
}
