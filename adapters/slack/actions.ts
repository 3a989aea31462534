// Button clicks (block_actions) from the cards renderSlack builds: each button's value is JSON
// `{kind, value, answerId}`. ask → the question runs in the same thread (same memory); show_sql → the answer's
// provenance in the thread; feedback → recordFeedback and an ephemeral thank-you.
import type { Logger } from '../../src/core/logger.js';
import type { ActionPayload } from '../shared/action-payload.js';
import { checkAccess, refusalMessage } from './access.js';
import { answerQuestion, type FlowDeps } from './answer-flow.js';
import { provenanceMessage } from './provenance-message.js';
import { describeSlackError } from './slack-errors.js';

export type ButtonValue = ActionPayload;

export interface Click {
  team: string;
  channel: string;
  user: string;
  /** The thread of the message carrying the button. */
  threadTs: string;
  button: ButtonValue;
}

export interface ActionDeps extends FlowDeps {
  recordFeedback?(feedback: {
    conversation: string;
    answerId: string;
    value: 'up' | 'down';
    user: string;
  }): Promise<void>;
}

const FORGOTTEN =
  'Je n’ai plus cette réponse en mémoire (trop ancienne ou bot redémarré). Reposez la question pour la retrouver.';

export async function handleClick(deps: ActionDeps, click: Click): Promise<void> {
  const { delivery } = deps;
  const log: Logger = deps.logger.child({ channel: click.channel, kind: click.button.kind });
  const decision = checkAccess(deps.access, { team: click.team, channel: click.channel });
  if (!decision.allowed) {
    await delivery.notify(click.channel, click.threadTs, refusalMessage(decision));
    return;
  }
  const { button } = click;
  const remembered = button.answerId ? deps.answers.get(button.answerId) : undefined;
  switch (button.kind) {
    case 'ask':
      await answerQuestion(deps, {
        team: click.team,
        channel: click.channel,
        threadTs: click.threadTs,
        user: click.user,
        text: button.value,
      });
      return;
    case 'show_sql':
      if (!remembered) {
        await delivery.notify(click.channel, click.threadTs, FORGOTTEN);
        return;
      }
      try {
        await delivery.post(click.channel, click.threadTs, provenanceMessage(remembered.answer.provenance));
      } catch (error) {
        log.warn({ error: describeSlackError(error) }, 'cannot post the provenance');
        await delivery.notify(click.channel, click.threadTs, delivery.explain(error));
      }
      return;
    case 'feedback':
      await recordFeedback(deps, click, remembered?.conversation, log);
      return;
  }
}

async function recordFeedback(
  deps: ActionDeps,
  click: Click,
  conversation: string | undefined,
  log: Logger,
): Promise<void> {
  const value = click.button.value === 'down' ? 'down' : 'up';
  const answerId = click.button.answerId ?? 'unknown';
  try {
    await deps.recordFeedback?.({
      // The thread is the conversation even when the answer left the LRU.
      conversation: conversation ?? `slack:${click.team}:${click.channel}:${click.threadTs}`,
      answerId,
      value,
      user: click.user,
    });
    log.info({ answerId, value }, 'feedback recorded');
  } catch (error) {
    log.error({ err: error instanceof Error ? error.message : String(error) }, 'feedback not recorded');
  }
  const thanks =
    value === 'up'
      ? 'Merci pour votre retour 👍'
      : 'Merci, c’est noté 👎 : nous allons améliorer cette réponse.';
  try {
    await deps.delivery.ephemeral(click.channel, click.user, click.threadTs, thanks);
  } catch {
    // An ephemeral can fail where the bot may still post (e.g. missing membership for ephemerals): thank in the thread.
    await deps.delivery.notify(click.channel, click.threadTs, thanks);
  }
}
