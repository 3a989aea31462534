// The bot's logic for one Teams turn: installation (keep the conversation reference, say hello), and messages in a
// personal chat, a group chat or a channel (@mention removed): tenant check, reference kept, typing indicator, the
// agent, the answer as an Adaptive Card. Card buttons come back as message activities whose `value` is the
// button's `{kind, value, answerId}`.
import { randomUUID } from 'node:crypto';
import { type Activity, ActivityTypes, DeliveryModes, TurnContext } from 'botbuilder';
import type { Answer } from '../../src/core/answer.js';
import { isAppError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/logger.js';
import type { Asker, Question } from '../../src/core/question.js';
import { type ActionPayload, parseActionPayload } from '../shared/action-payload.js';
import { askSafely } from '../shared/ask-safely.js';
import { TENANT_REFUSAL, tenantAllowed, tenantOf } from './access.js';
import { answerCard, type CardDeps, cardAttachment } from './answer-card.js';
import {
  type ConversationRefStore,
  referenceEntries,
  sameConversation,
  teamsConversationKey,
} from './conversation-refs.js';
import { neutralizeLinks } from './markdown.js';
import { provenanceMarkdown } from './provenance-message.js';
import type { RecentAnswers } from './recent-answers.js';

export interface TeamsAgent {
  ask(question: Question): Promise<Answer>;
}

/** Same shape as the Slack adapter's, so one feedback store serves both. */
export interface TeamsFeedback {
  conversation: string;
  answerId: string;
  value: 'up' | 'down';
  user: string;
}

export interface TurnDeps extends CardDeps {
  agent: TeamsAgent;
  conversationRefs: ConversationRefStore;
  recordFeedback?(feedback: TeamsFeedback): Promise<void>;
  allowedTenantIds: readonly string[];
  answers: RecentAnswers;
  /** Runs `work` after this turn's HTTP request is answered, in a new turn of the same conversation. */
  defer?(context: TurnContext, work: (context: TurnContext) => Promise<void>): void;
}

export const WELCOME =
  'Bonjour ! Je réponds à vos questions sur les campagnes marketing : « Top 5 des campagnes par ROI », « Quelles campagnes sont sous-performantes ? », « Simule +20 % de budget sur social ».';
export const EMPTY_QUESTION =
  'Posez-moi une question sur vos campagnes, par exemple « Top 5 des campagnes par ROI » ou « Quel segment a le meilleur ROI ? ».';
export const FORGOTTEN =
  'Je n’ai plus cette réponse en mémoire (trop ancienne ou bot redémarré). Reposez la question pour la retrouver.';

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The question as the user typed it: the bot's @mention removed (channels, group chats), HTML leftovers cleaned. */
export function questionText(activity: Partial<Activity>): string {
  if (typeof activity.text !== 'string') return '';
  const text = TurnContext.removeRecipientMention(activity) ?? activity.text;
  return text
    .replace(/<at>(.*?)<\/at>/g, '$1') // other people's mentions keep their name
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

async function saveReference(deps: TurnDeps, activity: Activity, log: Logger): Promise<void> {
  try {
    for (const [key, ref] of referenceEntries(TurnContext.getConversationReference(activity))) {
      await deps.conversationRefs.save(key, ref);
    }
  } catch (error) {
    // Without the reference only proactive digests suffer; the question itself is still answered.
    log.warn({ err: describe(error) }, 'teams conversation reference not saved');
  }
}

/** `teams:<AAD object id>` (stable across chats and devices), else the channel account id; none without either. */
export function teamsAsker(activity: Partial<Activity>): Asker | undefined {
  const from = activity.from;
  const id = from?.aadObjectId ?? from?.id;
  if (!id) return undefined;
  return { id: `teams:${id}`, ...(from?.name ? { name: from.name } : {}) };
}

async function answerQuestion(
  deps: TurnDeps,
  context: TurnContext,
  conversation: string,
  text: string,
  log: Logger,
) {
  try {
    // Teams shows « … est en train d'écrire » until the answer arrives (a few seconds with the LLM).
    await context.sendActivity({ type: ActivityTypes.Typing });
  } catch (error) {
    log.warn({ err: describe(error) }, 'teams typing indicator failed');
  }
  // Read now: a deferred reply runs after this turn's context is revoked.
  const user = teamsAsker(context.activity);
  const respond = async (turn: TurnContext) => {
    const answer = await askSafely(deps.agent, { conversation, text, surface: 'teams', user }, log);
    const answerId = randomUUID();
    deps.answers.set(answerId, { conversation, answer });
    const card = await answerCard(deps, answer, answerId);
    try {
      await turn.sendActivity({ type: ActivityTypes.Message, attachments: [cardAttachment(card)] });
    } catch (error) {
      // A card the connector never confirmed may have arrived: the text too would answer twice. The turn fails
      // instead, and its French message tells the user to look before asking again.
      if (isAppError(error) && error.code === 'PLATFORM_TIMEOUT') throw error;
      // A card the service rejects (size, schema) must not leave the question unanswered: the text alone.
      log.warn({ err: describe(error) }, 'teams card rejected, sending the text alone');
      await turn.sendActivity({ type: ActivityTypes.Message, text: neutralizeLinks(answer.text) });
    }
    log.info({ intent: answer.intent, errorCode: answer.errorCode, answerId }, 'teams answer sent');
  };
  // expectReplies wants every reply in the HTTP response; otherwise the request is answered at once (Teams gives
  // up after 15 s and may redeliver) and the answer follows in the same conversation.
  if (deps.defer && context.activity.deliveryMode !== DeliveryModes.ExpectReplies)
    deps.defer(context, respond);
  else await respond(context);
}

async function onAction(
  deps: TurnDeps,
  context: TurnContext,
  conversation: string,
  button: ActionPayload,
  log: Logger,
) {
  switch (button.kind) {
    case 'ask':
      await answerQuestion(deps, context, conversation, button.value, log);
      return;
    case 'show_sql': {
      const remembered = button.answerId ? deps.answers.get(button.answerId) : undefined;
      // An answerId from another conversation is treated as unknown: its SQL stays where it was asked (a digest
      // posted to a channel is answered in its own thread, which counts as the same conversation).
      if (!remembered || !sameConversation(remembered.conversation, conversation)) {
        await context.sendActivity(FORGOTTEN);
        return;
      }
      await context.sendActivity({
        type: ActivityTypes.Message,
        textFormat: 'markdown',
        text: provenanceMarkdown(remembered.answer.provenance),
      });
      return;
    }
    case 'feedback': {
      const value = button.value === 'down' ? 'down' : 'up';
      const answerId = button.answerId ?? 'unknown';
      const user = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'unknown';
      try {
        await deps.recordFeedback?.({ conversation, answerId, value, user });
        log.info({ answerId, value }, 'teams feedback recorded');
      } catch (error) {
        log.error({ err: describe(error) }, 'teams feedback not recorded');
      }
      await context.sendActivity(
        value === 'up'
          ? 'Merci pour votre retour 👍'
          : 'Merci, c’est noté 👎 : nous allons améliorer cette réponse.',
      );
      return;
    }
  }
}

async function onMessage(deps: TurnDeps, context: TurnContext, log: Logger): Promise<void> {
  const activity = context.activity;
  if (!tenantAllowed(deps.allowedTenantIds, activity)) {
    log.warn({ tenant: tenantOf(activity) ?? null }, 'teams request refused by the tenant allow-list');
    await context.sendActivity(TENANT_REFUSAL);
    return;
  }
  await saveReference(deps, activity, log);
  const conversation = teamsConversationKey(activity.conversation.id);
  if (activity.value !== undefined && activity.value !== null) {
    const button = parseActionPayload(JSON.stringify(activity.value));
    if (button) {
      await onAction(deps, context, conversation, button, log);
      return;
    }
    if (!activity.text) {
      log.info('teams message value not from one of our cards: ignored');
      return;
    }
  }
  const text = questionText(activity);
  if (!text) {
    await context.sendActivity(EMPTY_QUESTION);
    return;
  }
  await answerQuestion(deps, context, conversation, text, log);
}

async function onConversationUpdate(deps: TurnDeps, context: TurnContext, log: Logger): Promise<void> {
  const activity = context.activity;
  const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
  const installed = activity.type === ActivityTypes.InstallationUpdate && activity.action?.startsWith('add');
  if (!botAdded && !installed) return;
  // A foreign tenant's installation is not remembered: digests must never post there.
  if (!tenantAllowed(deps.allowedTenantIds, activity)) {
    log.warn(
      { tenant: tenantOf(activity) ?? null },
      'teams installation from a tenant not in the allow-list',
    );
    return;
  }
  await saveReference(deps, activity, log);
  // Teams sends both events on installation: greet once.
  if (botAdded) await context.sendActivity(WELCOME);
}

export function createTurnHandler(deps: TurnDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    const log = deps.logger.child({ activityType: activity.type, conversationId: activity.conversation?.id });
    switch (activity.type) {
      case ActivityTypes.Message:
        await onMessage(deps, context, log);
        return;
      case ActivityTypes.ConversationUpdate:
      case ActivityTypes.InstallationUpdate:
        await onConversationUpdate(deps, context, log);
        return;
      default:
        // Reactions, typing, invokes we do not offer: nothing to do (CloudAdapter answers 200, or 501 for invokes).
        return;
    }
  };
}
