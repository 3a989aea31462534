// One question → one answer in the thread: access check, « Analyse en cours… » placeholder, the agent, the Block
// Kit answer written over the placeholder, then the charts uploaded into the thread. Never throws: every failure
// ends as a short French message in the thread (or, when Slack refuses even that, via `onUnreachable`), except
// Slack being down before anything was posted: `slack_unreachable`, so the caller can keep the question.
import { randomUUID } from 'node:crypto';
import type { Answer } from '../../src/core/answer.js';
import type { Logger } from '../../src/core/logger.js';
import type { Question as AgentQuestion, Asker } from '../../src/core/question.js';
import { askSafely } from '../shared/ask-safely.js';
import type { Lru } from '../shared/lru.js';
import { type AccessRules, checkAccess, refusalMessage } from './access.js';
import type { ChartImage, Delivery } from './delivery.js';
import { conversationKey } from './refs.js';
import { renderSlack } from './render.js';
import { describeSlackError, isTransientSlackError } from './slack-errors.js';

export const PLACEHOLDER = 'Analyse en cours…';
const EMPTY_QUESTION =
  'Posez-moi une question sur vos campagnes, par exemple « Top 5 des campagnes par ROI » ou « Quel segment a le meilleur ROI ? ».';

export interface RememberedAnswer {
  conversation: string;
  answer: Answer;
  team: string;
  channel: string;
  threadTs: string;
}

export interface FlowDeps {
  delivery: Delivery;
  agent: { ask(question: AgentQuestion): Promise<Answer> };
  renderCharts(answer: Answer): Promise<ChartImage[]>;
  currency: string;
  logger: Logger;
  access: AccessRules;
  /** Recent answers by answerId, for the « Voir la requête SQL » and feedback buttons. */
  answers: Lru<string, RememberedAnswer>;
  /** Threads the bot has answered or posted in (`channel|threadTs`): replies there need no @mention. */
  threads: Lru<string, true>;
}

/** The key of a thread in `FlowDeps.threads`. */
export const threadKey = (channel: string, threadTs: string) => `${channel}|${threadTs}`;

export interface Question {
  team: string;
  channel: string;
  /** The thread to answer in (the question's own ts when it was not in a thread). */
  threadTs: string;
  user: string;
  text: string;
}

export interface FlowOptions {
  /** Called with the French explanation when nothing can be posted in the channel (slash commands reply there). */
  onUnreachable?(message: string): Promise<void>;
  /**
   * A reply in one of the bot's threads that does not mention it: answered only if the agent finds a question for
   * it (people also talk to each other there). No placeholder, no refusal, no « je n'ai pas compris ».
   */
  passive?: boolean;
  /** Awaited once the placeholder is in the thread (the retry list forgets the question at that point). */
  onPlaceholderPosted?(): Promise<unknown>;
}

/** `slack_unreachable`: Slack would not take the placeholder (down, rate limited): nothing was posted or asked. */
export type FlowOutcome = 'done' | 'slack_unreachable';

export async function answerQuestion(
  deps: FlowDeps,
  question: Question,
  options: FlowOptions = {},
): Promise<FlowOutcome> {
  const { delivery, logger } = deps;
  const { channel, threadTs } = question;
  const log = logger.child({ channel, threadTs });

  const passive = options.passive === true;
  const decision = checkAccess(deps.access, { team: question.team, channel });
  if (!decision.allowed) {
    log.warn({ team: question.team, reason: decision.reason }, 'slack request refused by the allow-lists');
    if (!passive) await say(deps, question, refusalMessage(decision), options);
    return 'done';
  }
  const text = question.text.trim();
  if (!text) {
    if (!passive) await say(deps, question, EMPTY_QUESTION, options);
    return 'done';
  }

  let placeholderTs: string | undefined;
  if (!passive) {
    try {
      placeholderTs = await delivery.post(channel, threadTs, { text: PLACEHOLDER });
      deps.threads.set(threadKey(channel, threadTs), true);
    } catch (error) {
      log.error({ error: describeSlackError(error) }, 'cannot post in the channel');
      // Slack down: the caller may keep the question for later (a slash command can still answer by response_url).
      if (!options.onUnreachable && isTransientSlackError(error)) return 'slack_unreachable';
      await options.onUnreachable?.(delivery.explain(error)).catch(() => {});
      return 'done';
    }
    await options.onPlaceholderPosted?.().catch((error: unknown) => {
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'retry list not updated');
    });
  }

  const conversation = conversationKey({ team: question.team, channel, threadTs });
  const answer = await askSafely(
    deps.agent,
    {
      conversation,
      text,
      surface: 'slack',
      user: slackAsker(question.team, question.user),
      ...(passive ? { addressed: false } : {}),
    },
    deps.logger,
  );
  if (passive && answer.intent === 'out_of_scope') {
    log.debug('thread reply not meant for the bot; left unanswered');
    return 'done';
  }
  const answerId = randomUUID();
  deps.answers.set(answerId, { conversation, answer, team: question.team, channel, threadTs });

  try {
    const rendered = renderSlack(answer, { currency: deps.currency, answerId });
    const message = { text: rendered.text, blocks: rendered.blocks };
    if (placeholderTs) await delivery.update(channel, placeholderTs, message);
    else await delivery.post(channel, threadTs, message);
  } catch (error) {
    log.error({ error: describeSlackError(error) }, 'cannot write the answer');
    await delivery.notify(channel, threadTs, delivery.explain(error));
    return 'done';
  }
  log.info({ intent: answer.intent, errorCode: answer.errorCode, answerId }, 'slack answer posted');
  await uploadCharts(deps, answer, channel, threadTs);
  return 'done';
}

/** `slack:<team>:<user>` (user ids are only unique within a workspace); none when Slack gave no user. */
export function slackAsker(team: string, user: string): Asker | undefined {
  if (!user) return undefined;
  return { id: team ? `slack:${team}:${user}` : `slack:${user}` };
}

async function uploadCharts(
  deps: FlowDeps,
  answer: Answer,
  channel: string,
  threadTs: string,
): Promise<void> {
  if (answer.charts.length === 0) return;
  let images: ChartImage[];
  try {
    images = await deps.renderCharts(answer);
  } catch (error) {
    // The answer is already posted with its figures and table: a missing chart is logged, not announced.
    deps.logger.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'chart rendering failed',
    );
    return;
  }
  for (const image of images) {
    try {
      await deps.delivery.upload(channel, threadTs, image);
    } catch (error) {
      deps.logger.warn({ channel, error: describeSlackError(error) }, 'chart upload failed');
      await deps.delivery.notify(
        channel,
        threadTs,
        `Je n’ai pas pu joindre le graphique « ${image.title} ». ${deps.delivery.explain(error)}`,
      );
      return;
    }
  }
}

async function say(deps: FlowDeps, question: Question, text: string, options: FlowOptions): Promise<void> {
  const posted = await deps.delivery.notify(question.channel, question.threadTs, text);
  if (!posted) await options.onUnreachable?.(text).catch(() => {});
}
