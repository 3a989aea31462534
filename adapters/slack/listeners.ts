// The Bolt listeners. Each one acknowledges at once and hands the work to `track` without awaiting it, so the
// HTTP response (or Socket Mode ack) leaves in milliseconds however long the agent takes; Slack would otherwise
// retry after 3 s. Event deliveries are deduplicated on event_id: one question, exactly one answer. Messages come
// from DMs (message.im) and, for replies in the bot's own threads, from channels (message.channels/groups).
import type { App } from '@slack/bolt';
import { parseActionPayload } from '../shared/action-payload.js';
import { checkAccess, refusalMessage } from './access.js';
import { type ActionDeps, handleClick } from './actions.js';
import { answerQuestion, type FlowOptions, type Question, threadKey } from './answer-flow.js';
import { createAssistant } from './assistant.js';
import { SLACK_ACTION_PREFIX } from './render.js';
import { escapeSlack, questionText } from './slack-text.js';

export interface ListenerDeps extends ActionDeps {
  botUserId: string;
  /** In memory (boolean) or persisted across restarts (a promise: adapters/slack/event-dedupe.ts). */
  dedupe: { firstTime(id: string | undefined): boolean | Promise<boolean> };
  /** Runs background work; the adapter waits for it on stop() and logs anything that escapes. */
  track(work: Promise<void>): void;
  /** Keeps a question Slack would not take, to ask it again when Slack answers. */
  retryLater: { add(question: Question): Promise<void> };
}

interface EventEnvelope {
  event_id?: string;
  team_id?: string;
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  // A question addressed to the bot (mention, DM) that Slack would not take is kept, not dropped.
  const answerAddressed = (question: Question, options: FlowOptions = {}) =>
    deps.track(
      answerQuestion(deps, question, options).then(async (outcome) => {
        if (outcome === 'slack_unreachable') await deps.retryLater.add(question);
      }),
    );

  const firstDelivery = async (body: EventEnvelope, retryNum: number | undefined): Promise<boolean> => {
    if (await deps.dedupe.firstTime(body.event_id)) return true;
    deps.logger.info({ eventId: body.event_id, retryNum }, 'duplicate slack event ignored');
    return false;
  };

  // The assistant panel first: Bolt's Assistant takes the messages of assistant threads (and their events) and
  // leaves every other message to the listeners below.
  app.assistant(
    createAssistant({
      botUserId: deps.botUserId,
      firstDelivery: (body, retryNum) => firstDelivery(body as EventEnvelope, retryNum),
      answer: (question) => answerAddressed(question, { assistant: true }),
      logger: deps.logger,
    }),
  );

  app.event('app_mention', async ({ event, body, context }) => {
    // In a DM the message.im listener answers; answering here too would give two answers.
    if (event.channel.startsWith('D')) return;
    if (!(await firstDelivery(body as EventEnvelope, context.retryNum))) return;
    answerAddressed({
      team: event.team ?? (body as EventEnvelope).team_id ?? '',
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      user: event.user ?? '',
      text: questionText(event.text, deps.botUserId),
    });
  });

  app.event('message', async ({ event, body, context }) => {
    const message = event as {
      subtype?: string;
      bot_id?: string;
      channel_type?: string;
      channel: string;
      user?: string;
      text?: string;
      ts: string;
      thread_ts?: string;
      team?: string;
    };
    // Only what a person typed: no bot messages (ours included), edits, deletions or other subtypes.
    if (message.subtype !== undefined || message.bot_id) return;
    const question = {
      team: message.team ?? (body as EventEnvelope).team_id ?? '',
      channel: message.channel,
      threadTs: message.thread_ts ?? message.ts,
      user: message.user ?? '',
      text: questionText(message.text ?? '', deps.botUserId),
    };
    if (message.channel_type === 'im') {
      if (!(await firstDelivery(body as EventEnvelope, context.retryNum))) return;
      answerAddressed(question);
      return;
    }
    // A reply in a channel thread the bot answered in, without an @mention (app_mention takes those): a follow-up
    // such as « et pour search ? » is answered; people talking to each other are left alone (passive).
    const inBotThread =
      message.thread_ts !== undefined &&
      message.thread_ts !== message.ts &&
      deps.threads.has(threadKey(message.channel, message.thread_ts));
    if (!inBotThread || (message.text ?? '').includes(`<@${deps.botUserId}>`)) return;
    if (!(await firstDelivery(body as EventEnvelope, context.retryNum))) return;
    deps.track(answerQuestion(deps, question, { passive: true }).then(() => undefined));
  });

  app.command('/marketing', async ({ command, ack, respond }) => {
    const decision = checkAccess(deps.access, { team: command.team_id, channel: command.channel_id });
    if (!decision.allowed) {
      await ack({ response_type: 'ephemeral', text: refusalMessage(decision) });
      return;
    }
    await ack();
    const unreachable = async (text: string) => {
      await respond({ response_type: 'ephemeral', text });
    };
    deps.track(
      (async () => {
        // The question becomes the thread root, so follow-ups in that thread share the conversation's memory.
        let rootTs: string;
        try {
          rootTs = await deps.delivery.post(command.channel_id, undefined, {
            text: `<@${command.user_id}> demande : « ${escapeSlack(questionText(command.text, deps.botUserId)) || '…'} »`,
          });
        } catch (error) {
          await unreachable(deps.delivery.explain(error));
          return;
        }
        await answerQuestion(
          deps,
          {
            team: command.team_id,
            channel: command.channel_id,
            threadTs: rootTs,
            user: command.user_id,
            text: questionText(command.text, deps.botUserId),
          },
          { onUnreachable: unreachable },
        );
      })(),
    );
  });

  app.action(new RegExp(`^${SLACK_ACTION_PREFIX}`), async ({ ack, body, action }) => {
    await ack();
    if (body.type !== 'block_actions' || !('value' in action)) return;
    const button = typeof action.value === 'string' ? parseActionPayload(action.value) : undefined;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    const threadTs = message?.thread_ts ?? message?.ts;
    if (!button || !channel || !threadTs) {
      deps.logger.debug('slack action ignored (not one of our buttons)');
      return;
    }
    deps.track(
      handleClick(deps, {
        team: body.team?.id ?? body.user.team_id ?? '',
        channel,
        user: body.user.id,
        threadTs,
        button,
      }),
    );
  });
}
