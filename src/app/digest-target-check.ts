// `digest add --target`: once the format is right (src/digests/targets.ts), can the configured platform post there?
// Slack: the bot must be in the channel (asked to Slack: adapters/slack/target-check.ts, loaded only then). Teams:
// a bot can post only into a conversation whose reference it stored when someone wrote to it there. A platform
// that is not configured is not asked (the command then warns that nothing can be delivered).
import { platformOf } from '../digests/targets.js';
import { createStoredConversationRefs } from '../store/conversation-refs.js';
import type { App } from './app.js';

export interface TargetVerdict {
  /** Refused: what is wrong and what to do, in French. */
  problem?: string;
  /** Accepted, with this to say. */
  warning?: string;
}

export async function checkDigestTarget(app: App, target: string): Promise<TargetVerdict> {
  const platform = platformOf(target);
  const { slack, teams } = app.config;
  if (platform === 'slack' && slack.botToken) {
    const { checkSlackTarget } = await import('../../adapters/slack/target-check.js');
    return checkSlackTarget(
      { botToken: slack.botToken, apiUrl: slack.apiUrl, allowedChannelIds: slack.allowedChannelIds },
      target,
    );
  }
  if (platform === 'teams' && teams.appId) {
    const refs = createStoredConversationRefs(app.config.stateDir, { logger: app.logger });
    if (!(await refs.get(target)))
      return {
        problem: `Le bot ne connaît pas encore la conversation Teams ${target} : ajoutez-le à cette conversation (ou à son équipe) et écrivez-lui une fois (« @bot aide »), puis relancez la commande. Le plus simple : demandez le digest dans la conversation elle-même (« @bot digest chaque lundi à 9h »).`,
      };
  }
  return {};
}
