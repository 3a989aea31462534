// adapter.post(ref, answer): an Answer pushed without a question (digests, alerts) into a channel or a thread, as one
// message like an answer (its chart inside as an image block). Unlike a reply, a failure here is thrown: the scheduler
// must know the digest did not go out.
import { randomUUID } from 'node:crypto';
import type { Answer } from '../../src/core/answer.js';
import { AppError } from '../../src/core/errors.js';
import { BLOCK_ERRORS, type FlowDeps, prepareCharts, threadKey } from './answer-flow.js';
import { parseSlackRef } from './refs.js';
import { renderSlack } from './render.js';
import { describeSlackError, isSlackError } from './slack-errors.js';

export async function postAnswer(
  deps: FlowDeps,
  channelRef: string,
  answer: Answer,
  options: { deliveryKey?: string } = {},
): Promise<void> {
  const target = parseSlackRef(channelRef);
  const answerId = randomUUID();
  const charts = await prepareCharts(deps, answer);
  let leftover = charts.leftover;
  const post = (images: typeof charts.images) => {
    const rendered = renderSlack(answer, { currency: deps.currency, answerId, images });
    return deps.delivery.post(target.channel, target.threadTs, {
      text: rendered.text,
      blocks: rendered.blocks,
      ...(options.deliveryKey ? { deliveryKey: options.deliveryKey } : {}),
    });
  };
  let ts: string;
  try {
    try {
      ts = await post(charts.images);
    } catch (error) {
      // Slack would not show the image blocks: the digest goes without them, its charts as files in its thread.
      if (Object.keys(charts.images).length === 0 || !isSlackError(error, ...BLOCK_ERRORS)) throw error;
      deps.logger.warn({ channelRef, error: describeSlackError(error) }, 'digest image blocks refused');
      leftover = charts.all;
      ts = await post({});
    }
  } catch (error) {
    throw new AppError('INTERNAL', `Slack refused the post to ${channelRef}`, {
      cause: error,
      details: { ...describeSlackError(error) },
      hint: deps.delivery.explain(error),
    });
  }
  // The posted message starts (or continues) a thread: its buttons and follow-ups work like any answer's.
  const threadTs = target.threadTs ?? ts;
  deps.threads.set(threadKey(target.channel, threadTs), true);
  const conversation = `slack:${target.team}:${target.channel}:${threadTs}`;
  deps.answers.set(answerId, { conversation, answer, team: target.team, channel: target.channel, threadTs });
  for (const image of leftover) {
    try {
      await deps.delivery.upload(target.channel, threadTs, image);
    } catch (error) {
      // The digest itself went out; a missing chart is worth a log line, not a failed run.
      deps.logger.warn({ channelRef, error: describeSlackError(error) }, 'digest chart not attached');
      return;
    }
  }
}

/** Whether a message pushed with `deliveryKey` is already in the channel (or thread) `channelRef` names. */
export async function alreadyPosted(
  deps: FlowDeps,
  channelRef: string,
  deliveryKey: string,
): Promise<boolean> {
  const target = parseSlackRef(channelRef);
  return deps.delivery.hasKey(target.channel, target.threadTs, deliveryKey);
}
