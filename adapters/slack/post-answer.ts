// adapter.post(ref, answer): an Answer pushed without a question (digests, alerts) into a channel or a thread.
// Unlike a reply, a failure here is thrown: the scheduler must know the digest did not go out.
import { randomUUID } from 'node:crypto';
import type { Answer } from '../../src/core/answer.js';
import { AppError } from '../../src/core/errors.js';
import { type FlowDeps, threadKey } from './answer-flow.js';
import { parseSlackRef } from './refs.js';
import { renderSlack } from './render.js';
import { describeSlackError } from './slack-errors.js';

export async function postAnswer(
  deps: FlowDeps,
  channelRef: string,
  answer: Answer,
  options: { deliveryKey?: string } = {},
): Promise<void> {
  const target = parseSlackRef(channelRef);
  const answerId = randomUUID();
  const rendered = renderSlack(answer, { currency: deps.currency, answerId });
  let ts: string;
  try {
    ts = await deps.delivery.post(target.channel, target.threadTs, {
      text: rendered.text,
      blocks: rendered.blocks,
      ...(options.deliveryKey ? { deliveryKey: options.deliveryKey } : {}),
    });
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
  if (answer.charts.length === 0) return;
  try {
    for (const image of await deps.renderCharts(answer)) {
      await deps.delivery.upload(target.channel, threadTs, image);
    }
  } catch (error) {
    // The digest itself went out; a missing chart is worth a log line, not a failed run.
    deps.logger.warn({ channelRef, error: describeSlackError(error) }, 'digest chart not attached');
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
