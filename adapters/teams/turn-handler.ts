// The bot's logic for one Teams turn: installation (keep the conversation reference, say hello), and messages in a
// personal chat, a group chat or a channel (@mention removed): tenant check, reference kept, typing indicator, the
// agent, the answer as an Adaptive Card. Card buttons come back as message activities whose `value` is the
// button's `{kind, value, answerId}`; the native 👍/👎 under an answer comes back as a `message/submitAction` invoke.
// In a personal (1:1) chat the answer streams: an informative update at once (« Je calcule… »), the LLM's text as it
// is composed, then the final card (Teams streams in 1:1 chats only); elsewhere: the typing indicator, then the card.
import { randomUUID } from 'node:crypto';
import { Activity, ActivityTypes, DeliveryModes } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Answer } from '../../src/core/answer.js';
import { isAppError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/logger.js';
import type { Asker, Question } from '../../src/core/question.js';
import { type ActionPayload, parseActionPayload } from '../shared/action-payload.js';
import { askSafely } from '../shared/ask-safely.js';
import { TENANT_REFUSAL, tenantAllowed, tenantOf } from './access.js';
import { answerMessage } from './ai-entities.js';
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
import { type FinalMessage, type StreamSettings, streamAnswer } from './stream.js';

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
  /** The answer each sent message carries (message id → answerId), for the native feedback loop. */
  messageAnswers: {
    get(messageId: string): string | undefined;
    set(messageId: string, answerId: string): void;
  };
  stream?: StreamSettings;
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
  const mention = (activity.entities ?? []).find(
    (entity) =>
      entity.type === 'mention' &&
      (entity as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id &&
      typeof (entity as { text?: unknown }).text === 'string',
  ) as { text: string } | undefined;
  const text = mention && activity.recipient?.id ? activity.text.replace(mention.text, '') : activity.text;
  return text
    .replace(/<at>(.*?)<\/at>/g, '$1') // other people's mentions keep their name
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

async function saveReference(deps: TurnDeps, activity: Activity, log: Logger): Promise<void> {
  try {
    for (const [key, ref] of referenceEntries(activity.getConversationReference())) {
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

/** Sends the answer message the ordinary way (no stream); a rejected card falls back to the text alone. */
async function sendAnswer(
  turn: TurnContext,
  message: FinalMessage,
  answer: Answer,
  log: Logger,
): Promise<string | undefined> {
  try {
    return (await turn.sendActivity(Activity.fromObject(message)))?.id;
  } catch (error) {
    // A card the connector never confirmed may have arrived: the text too would answer twice. The turn fails
    // instead, and its French message tells the user to look before asking again.
    if (isAppError(error) && error.code === 'PLATFORM_TIMEOUT') throw error;
    // A card the service rejects (size, schema) must not leave the question unanswered: the text alone.
    log.warn({ err: describe(error) }, 'teams card rejected, sending the text alone');
    return (
      await turn.sendActivity(
        Activity.fromObject({ type: ActivityTypes.Message, text: neutralizeLinks(answer.text) }),
      )
    )?.id;
  }
}

async function answerQuestion(
  deps: TurnDeps,
  context: TurnContext,
  conversation: string,
  text: string,
  log: Logger,
) {
  const deferred = deps.defer !== undefined && context.activity.deliveryMode !== DeliveryModes.ExpectReplies;
  // Teams streams in personal chats only, and only to a reply sent through the connector (not expectReplies).
  const streamed = deferred && context.activity.conversation?.conversationType === 'personal';
  if (!streamed) {
    try {
      // Teams shows « … est en train d'écrire » until the answer arrives (a few seconds with the LLM).
      await context.sendActivity(Activity.fromObject({ type: ActivityTypes.Typing }));
    } catch (error) {
      log.warn({ err: describe(error) }, 'teams typing indicator failed');
    }
  }
  // Read now: a deferred reply runs after this turn's context is revoked.
  const user = teamsAsker(context.activity);
  const produce = async () => {
    const answer = await askSafely(deps.agent, { conversation, text, surface: 'teams', user }, log);
    const answerId = randomUUID();
    deps.answers.set(answerId, { conversation, answer });
    const card = await answerCard(deps, answer, answerId);
    return { answer, answerId, message: answerMessage(answer, cardAttachment(card)) };
  };
  const respond = async (turn: TurnContext) => {
    let answerId = '';
    let intent: Answer | undefined;
    const reply = streamed
      ? await streamAnswer(
          turn,
          text,
          async () => {
            const produced = await produce();
            answerId = produced.answerId;
            intent = produced.answer;
            return produced;
          },
          deps.stream ?? {},
          (message, answer) => sendAnswer(turn, message, answer, log),
        )
      : await (async () => {
          const produced = await produce();
          answerId = produced.answerId;
          intent = produced.answer;
          return {
            messageId: await sendAnswer(turn, produced.message, produced.answer, log),
            streamed: false,
          };
        })();
    if (reply.messageId) deps.messageAnswers.set(reply.messageId, answerId);
    log.info(
      { intent: intent?.intent, errorCode: intent?.errorCode, answerId, streamed: reply.streamed },
      'teams answer sent',
    );
  };
  // expectReplies wants every reply in the HTTP response; otherwise the request is answered at once (Teams gives
  // up after 15 s and may redeliver) and the answer follows in the same conversation.
  if (deferred && deps.defer) deps.defer(context, respond);
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
      await context.sendActivity(
        Activity.fromObject({
          type: ActivityTypes.Message,
          textFormat: 'markdown',
          text: provenanceMarkdown(remembered.answer.provenance),
        }),
      );
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
  const conversation = teamsConversationKey(activity.conversation?.id ?? '');
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

/** The native 👍/👎 under an answer (feedback loop): a `message/submitAction` invoke naming the bot's message. */
async function onFeedbackInvoke(deps: TurnDeps, context: TurnContext, log: Logger): Promise<void> {
  const activity = context.activity;
  const value = activity.value as
    | { actionName?: string; actionValue?: { reaction?: string; feedback?: unknown } }
    | undefined;
  const ok = () =>
    context.sendActivity(
      Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: {} } }),
    );
  if (value?.actionName !== 'feedback' || !tenantAllowed(deps.allowedTenantIds, activity)) {
    await ok();
    return;
  }
  const conversation = teamsConversationKey(activity.conversation?.id ?? '');
  const answerId = (activity.replyToId && deps.messageAnswers.get(activity.replyToId)) || 'unknown';
  const user = activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown';
  const reaction = value.actionValue?.reaction === 'dislike' ? 'down' : 'up';
  try {
    await deps.recordFeedback?.({ conversation, answerId, value: reaction, user });
    log.info({ answerId, value: reaction }, 'teams native feedback recorded');
  } catch (error) {
    log.error({ err: describe(error) }, 'teams feedback not recorded');
  }
  await ok();
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
      case ActivityTypes.Invoke:
        if (activity.name === 'message/submitAction') await onFeedbackInvoke(deps, context, log);
        return;
      default:
        // Reactions, typing, invokes we do not offer: nothing to do (CloudAdapter answers 200, or 501 for invokes).
        return;
    }
  };
}
