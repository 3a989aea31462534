// Everything the adapter sends to Slack goes through here: membership repair (`not_in_channel` → join → retry),
// a plain-text fallback when Slack rejects the blocks, chart uploads with files.uploadV2, and last-resort notes
// that never throw (a failure must not leave the thread silent, nor crash the process).
import type { types, webApi } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.js';
import { describeSlackError, isSlackError, slackFailureMessage } from './slack-errors.js';

export interface SlackMessage {
  text: string;
  blocks?: unknown[];
  /** Carried in the message's metadata (digests, alerts): `hasKey` finds it again after a crash. */
  deliveryKey?: string;
}

/** The metadata event type of the bot's pushed messages (Slack message metadata, visible to apps only). */
export const DELIVERY_EVENT_TYPE = 'marketing_bot_delivery';
/** How far back `hasKey` reads a channel: digests settle within the grace window, far fewer messages than this. */
const HISTORY_LIMIT = 200;

export interface ChartImage {
  id: string;
  png: Buffer;
  title: string;
  alt: string;
}

export interface Delivery {
  /** Posts in the channel (in the thread when `threadTs` is set); returns the new message's ts. */
  post(channel: string, threadTs: string | undefined, message: SlackMessage): Promise<string>;
  /**
   * Whether one of the channel's latest messages (or a thread's replies) carries `deliveryKey` in its metadata.
   * Needs channels:history / groups:history; throws the Slack error without them (the caller then cannot tell).
   */
  hasKey(channel: string, threadTs: string | undefined, deliveryKey: string): Promise<boolean>;
  /** Replaces a message; when Slack rejects the blocks, sends the text alone rather than nothing. */
  update(channel: string, ts: string, message: SlackMessage, options?: { strict?: boolean }): Promise<void>;
  upload(channel: string, threadTs: string, chart: ChartImage): Promise<void>;
  /** Uploads a chart without sharing it anywhere (files.uploadV2, no channel): its file id, for an image block. */
  uploadPrivate(chart: ChartImage): Promise<string>;
  /** The assistant's live status in a thread (assistant.threads.setStatus); throws where Slack refuses it. */
  setStatus(channel: string, threadTs: string, status: string, loadingMessages?: string[]): Promise<void>;
  /**
   * Streams `chunks` of markdown into a new message in the thread (chat.startStream / appendStream), then closes it
   * with `blocks` (chat.stopStream); returns the message's ts.
   */
  stream(
    channel: string,
    threadTs: string,
    recipient: { team: string; user: string },
    chunks: string[],
    blocks: unknown[],
  ): Promise<string>;
  /** The DM channel with a user (conversations.open; needs im:write). */
  openDm(user: string): Promise<string>;
  ephemeral(channel: string, user: string, threadTs: string | undefined, text: string): Promise<void>;
  /** Best effort: says `text` in the thread; false when even that failed (logged). Never throws. */
  notify(channel: string, threadTs: string | undefined, text: string): Promise<boolean>;
  /** The French message for a Web API failure. */
  explain(error: unknown): string;
}

// Slack rejects a whole message for one bad block; these errors are worth a text-only second try.
const BLOCK_ERRORS = ['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'invalid_arguments'];

export function createDelivery(web: webApi.WebClient, logger: Logger, botUserId: string): Delivery {
  const blocksOf = (message: SlackMessage) =>
    message.blocks as (types.KnownBlock | types.Block)[] | undefined;

  // Bots need membership to post where chat:write.public does not apply and to share files: join once, retry once.
  async function inChannel<T>(channel: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!isSlackError(error, 'not_in_channel')) throw error;
      try {
        await web.conversations.join({ channel });
        logger.info({ channel }, 'joined the channel after not_in_channel');
      } catch (joinError) {
        logger.warn({ channel, error: describeSlackError(joinError) }, 'cannot join the channel');
        throw error;
      }
      return call();
    }
  }

  const delivery: Delivery = {
    async post(channel, threadTs, message) {
      const result = await inChannel(channel, () =>
        web.chat.postMessage({
          channel,
          text: message.text,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          ...(message.blocks ? { blocks: blocksOf(message) } : {}),
          ...(message.deliveryKey
            ? { metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key: message.deliveryKey } } }
            : {}),
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      return String(result.ts);
    },

    async hasKey(channel, threadTs, deliveryKey) {
      const page = threadTs
        ? await web.conversations.replies({
            channel,
            ts: threadTs,
            limit: HISTORY_LIMIT,
            include_all_metadata: true,
          })
        : await web.conversations.history({ channel, limit: HISTORY_LIMIT, include_all_metadata: true });
      return (page.messages ?? []).some(
        (message) =>
          message.metadata?.event_type === DELIVERY_EVENT_TYPE &&
          (message.metadata.event_payload as { key?: unknown } | undefined)?.key === deliveryKey,
      );
    },

    async update(channel, ts, message, options = {}) {
      try {
        await web.chat.update({
          channel,
          ts,
          text: message.text,
          ...(message.blocks ? { blocks: blocksOf(message) } : {}),
        });
      } catch (error) {
        // strict: the caller tries simpler blocks itself before giving up on them.
        if (options.strict || !message.blocks || !isSlackError(error, ...BLOCK_ERRORS)) throw error;
        logger.warn({ channel, error: describeSlackError(error) }, 'blocks rejected; sending the text alone');
        await web.chat.update({ channel, ts, text: message.text, blocks: [] });
      }
    },

    async upload(channel, threadTs, chart) {
      await inChannel(channel, () =>
        web.files.uploadV2({
          channel_id: channel,
          thread_ts: threadTs,
          file: chart.png,
          filename: `${chart.id}.png`,
          title: chart.title,
          alt_text: chart.alt,
        }),
      );
    },

    async uploadPrivate(chart) {
      const result = (await web.files.uploadV2({
        file: chart.png,
        filename: `${chart.id}.png`,
        title: chart.title,
        alt_text: chart.alt,
      })) as { files?: { files?: { id?: string }[] }[] };
      const id = result.files?.[0]?.files?.[0]?.id;
      if (!id) throw new Error('files.uploadV2 returned no file id');
      return id;
    },

    async setStatus(channel, threadTs, status, loadingMessages) {
      await web.assistant.threads.setStatus({
        channel_id: channel,
        thread_ts: threadTs,
        status,
        ...(loadingMessages ? { loading_messages: loadingMessages } : {}),
      });
    },

    async stream(channel, threadTs, recipient, chunks, blocks) {
      const streamer = web.chatStream({
        channel,
        thread_ts: threadTs,
        recipient_team_id: recipient.team,
        recipient_user_id: recipient.user,
        // Each chunk goes out as it comes (the composed text arrives whole; the chunks make it appear progressively).
        buffer_size: 1,
      });
      for (const markdown_text of chunks) await streamer.append({ markdown_text });
      await streamer.stop({ blocks: blocksOf({ text: '', blocks }) });
      return String(streamer.ts);
    },

    async openDm(user) {
      const result = await web.conversations.open({ users: user });
      const id = result.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      return id;
    },

    async ephemeral(channel, user, threadTs, text) {
      await web.chat.postEphemeral({ channel, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) });
    },

    async notify(channel, threadTs, text) {
      try {
        await delivery.post(channel, threadTs, { text });
        return true;
      } catch (error) {
        logger.error(
          { channel, error: describeSlackError(error) },
          'could not tell the user about a failure',
        );
        return false;
      }
    },

    explain: (error) => slackFailureMessage(describeSlackError(error), botUserId),
  };
  return delivery;
}
