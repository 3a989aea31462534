// One question → one answer in the thread, as one message: access check, the assistant's live status (« analyse
// votre question… » with French loading messages per step; a « Analyse en cours… » placeholder where Slack refuses
// the status), the agent, the charts uploaded privately (or published on PUBLIC_BASE_URL) so they show as image
// blocks inside the answer, then the answer: posted (streamed when an LLM wrote the text) or written over the
// placeholder. In a shared channel SLACK_CHANNEL_REPLY may shorten it (summary) or send it by DM (links). Never
// throws: every failure ends as a short French message in the thread (or, when Slack refuses even that, via
// `onUnreachable`), except Slack being down before anything was posted: `slack_unreachable`, so the caller can keep
// the question.
import { randomUUID } from 'node:crypto';
import type { Answer } from '../../src/core/answer.js';
import type { Logger } from '../../src/core/logger.js';
import type { Question as AgentQuestion, Asker } from '../../src/core/question.js';
import { askSafely } from '../shared/ask-safely.js';
import type { Lru } from '../shared/lru.js';
import { type AccessRules, checkAccess, refusalMessage } from './access.js';
import type { ChartImage, Delivery, SlackMessage } from './delivery.js';
import { conversationKey } from './refs.js';
import { renderSlack, type SlackRenderOptions } from './render.js';
import { describeSlackError, isSlackError, isTransientSlackError } from './slack-errors.js';
import { escapeSlackMarkdown } from './slack-text.js';

export const PLACEHOLDER = 'Analyse en cours…';
/** The assistant's status while it works (Slack shows « <app> analyse votre question… »), and the loading messages
 * it rotates through, one per step. */
export const STATUS = {
  working: 'analyse votre question…',
  steps: ['Je comprends la question…', 'J’interroge les données…', 'Je calcule les indicateurs…'],
  chart: 'prépare le graphique…',
  chartSteps: ['Je prépare le graphique…'],
} as const;
/** SLACK_CHANNEL_REPLY=links: what the channel thread gets instead of the answer. */
export const sentByDm = (user: string) =>
  `<@${user}> je vous ai répondu en message privé (réglage de confidentialité de ce canal).`;
const CHANNEL_MODES = ['full', 'summary', 'links'] as const;
export type ChannelReply = (typeof CHANNEL_MODES)[number];
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
  /** Signed public URL of a chart PNG (PUBLIC_BASE_URL set): the image block points there instead of a file. */
  publishChart?(png: Buffer): string;
  /** SLACK_CHANNEL_REPLY for questions asked in a channel (default full). */
  channelReply?: ChannelReply;
  /** The LLM composer is on: its text is streamed (chatStream) instead of posted at once. */
  streamText?: boolean;
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
  /** Awaited once the status or placeholder shows in the thread (the retry list forgets the question then). */
  onPlaceholderPosted?(): Promise<unknown>;
  /** An assistant thread (the split-view AI app): the channel-reply setting does not apply (it is a DM). */
  assistant?: boolean;
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
  let statusShown = false;
  if (!passive) {
    // The live status first; where Slack refuses it (no assistant:write, an older workspace), the placeholder.
    let unreachable: unknown;
    try {
      await delivery.setStatus(channel, threadTs, STATUS.working, [...STATUS.steps]);
      statusShown = true;
    } catch (error) {
      if (isTransientSlackError(error)) unreachable = error;
      else log.debug({ error: describeSlackError(error) }, 'assistant status refused; placeholder instead');
    }
    if (!statusShown && unreachable === undefined) {
      try {
        placeholderTs = await delivery.post(channel, threadTs, { text: PLACEHOLDER });
      } catch (error) {
        unreachable = error;
      }
    }
    if (unreachable !== undefined) {
      log.error({ error: describeSlackError(unreachable) }, 'cannot post in the channel');
      // Slack down: the caller may keep the question for later (a slash command can still answer by response_url).
      if (!options.onUnreachable && isTransientSlackError(unreachable)) return 'slack_unreachable';
      await options.onUnreachable?.(delivery.explain(unreachable)).catch(() => {});
      return 'done';
    }
    deps.threads.set(threadKey(channel, threadTs), true);
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

  // A question in a shared channel may get less there (SLACK_CHANNEL_REPLY); DMs and assistant threads get it all.
  const inChannel = !options.assistant && !channel.startsWith('D');
  let mode: ChannelReply = inChannel ? (deps.channelReply ?? 'full') : 'full';
  let target = { channel, threadTs: threadTs as string | undefined };
  if (mode === 'links') {
    try {
      target = { channel: await delivery.openDm(question.user), threadTs: undefined };
    } catch (error) {
      log.warn({ error: describeSlackError(error) }, 'cannot open a DM; summary in the channel instead');
      mode = 'summary';
    }
  }

  if (mode !== 'summary' && answer.charts.length > 0 && statusShown) {
    await delivery.setStatus(channel, threadTs, STATUS.chart, [...STATUS.chartSteps]).catch(() => {});
  }
  const charts: PreparedCharts =
    mode === 'summary' ? { images: {}, leftover: [], all: [] } : await prepareCharts(deps, answer);
  const render = (extra: Partial<SlackRenderOptions> = {}) =>
    renderSlack(answer, {
      currency: deps.currency,
      answerId,
      images: charts.images,
      ...(mode === 'summary' ? { summary: true } : {}),
      ...extra,
    });

  let leftover = charts.leftover;
  try {
    const streamed =
      deps.streamText === true && answer.planner === 'llm' && mode === 'full' && !placeholderTs;
    // In links mode the answer is a new DM message; the channel's placeholder becomes the pointer below.
    const over = mode === 'links' ? undefined : placeholderTs;
    const sent = await sendAnswer(deps, target, over, render, {
      stream: streamed ? { team: question.team, user: question.user, text: answer.text } : undefined,
      onDegraded: () => {
        // Slack would not take the image blocks (or the native table): the charts go into the thread as files.
        leftover = charts.all;
      },
    });
    if (mode === 'links') {
      const pointer = { text: sentByDm(question.user) };
      if (placeholderTs) await delivery.update(channel, placeholderTs, pointer);
      else await delivery.post(channel, threadTs, pointer);
    }
    log.info(
      { intent: answer.intent, errorCode: answer.errorCode, answerId, mode, streamed, ts: sent },
      'slack answer posted',
    );
  } catch (error) {
    log.error({ error: describeSlackError(error) }, 'cannot write the answer');
    await delivery.notify(channel, threadTs, delivery.explain(error));
    return 'done';
  }
  await uploadCharts(deps, leftover, target.channel, target.threadTs ?? threadTs);
  return 'done';
}

export interface PreparedCharts {
  /** By chartId: what the image blocks point at. */
  images: NonNullable<SlackRenderOptions['images']>;
  /** Charts that could not be put inside the message (upload refused): attached in the thread after it. */
  leftover: ChartImage[];
  all: ChartImage[];
}

/** Renders the charts and makes each one an image the message can show: a signed URL, else a private upload. */
export async function prepareCharts(deps: FlowDeps, answer: Answer): Promise<PreparedCharts> {
  if (answer.charts.length === 0) return { images: {}, leftover: [], all: [] };
  let all: ChartImage[];
  try {
    all = await deps.renderCharts(answer);
  } catch (error) {
    // The answer still carries its figures and table: a missing chart is logged, not announced.
    deps.logger.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'chart rendering failed',
    );
    return { images: {}, leftover: [], all: [] };
  }
  const images: PreparedCharts['images'] = {};
  const leftover: ChartImage[] = [];
  for (const chart of all) {
    try {
      images[chart.id] = deps.publishChart
        ? { imageUrl: deps.publishChart(chart.png) }
        : { slackFileId: await deps.delivery.uploadPrivate(chart) };
    } catch (error) {
      deps.logger.warn({ error: describeSlackError(error) }, 'chart not uploaded for the message');
      leftover.push(chart);
    }
  }
  return { images, leftover, all };
}

// Slack rejects a whole message for one block it does not take (an image still processing, a client without tables).
export const BLOCK_ERRORS = [
  'invalid_blocks',
  'invalid_blocks_format',
  'downloading_image_failed',
  'invalid_arguments',
];

/** The one answer message: streamed, written over the placeholder, or posted; simpler blocks if Slack refuses. */
async function sendAnswer(
  deps: FlowDeps,
  target: { channel: string; threadTs: string | undefined },
  placeholderTs: string | undefined,
  render: (extra?: Partial<SlackRenderOptions>) => { text: string; blocks: unknown[] },
  options: { stream?: { team: string; user: string; text: string }; onDegraded(): void },
): Promise<string | undefined> {
  const { delivery } = deps;
  const send = async (message: SlackMessage, strict = true) => {
    if (placeholderTs) {
      await delivery.update(target.channel, placeholderTs, message, { strict });
      return placeholderTs;
    }
    return delivery.post(target.channel, target.threadTs, message);
  };
  if (options.stream && target.threadTs) {
    try {
      const { blocks } = render({ omitText: true });
      return await delivery.stream(
        target.channel,
        target.threadTs,
        { team: options.stream.team, user: options.stream.user },
        streamChunks(escapeSlackMarkdown(options.stream.text)),
        blocks,
      );
    } catch (error) {
      deps.logger.warn({ error: describeSlackError(error) }, 'streaming refused; posting the answer at once');
    }
  }
  try {
    return await send(render());
  } catch (error) {
    if (!isSlackError(error, ...BLOCK_ERRORS)) throw error;
    deps.logger.warn(
      { error: describeSlackError(error) },
      'blocks refused; monospace table, charts as files',
    );
    options.onDegraded();
    return send(render({ nativeTable: false, images: {} }), false);
  }
}

/** The composed text in a few pieces cut at sentence ends, so it appears progressively. */
export function streamChunks(text: string, maxChunks = 4): string[] {
  const sentences = text.match(/[^.!?\n]+[.!?\n]*\s*/g) ?? [text];
  const per = Math.max(1, Math.ceil(sentences.length / maxChunks));
  const chunks: string[] = [];
  for (let index = 0; index < sentences.length; index += per)
    chunks.push(sentences.slice(index, index + per).join(''));
  return chunks.filter((chunk) => chunk.length > 0);
}

/** `slack:<team>:<user>` (user ids are only unique within a workspace); none when Slack gave no user. */
export function slackAsker(team: string, user: string): Asker | undefined {
  if (!user) return undefined;
  return { id: team ? `slack:${team}:${user}` : `slack:${user}` };
}

async function uploadCharts(
  deps: FlowDeps,
  images: ChartImage[],
  channel: string,
  threadTs: string,
): Promise<void> {
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
