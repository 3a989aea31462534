// Slack's AI app surface (the split-view assistant): Bolt's `Assistant`. A new assistant thread gets suggested
// prompts in French and English; each message there is titled (the thread list shows the question) and answered by
// the same flow as a mention or a DM (live status, one message with table, chart and feedback). Mentions, DMs
// outside the assistant panel and /marketing keep their own listeners.
import { Assistant } from '@slack/bolt';
import { truncate } from '../shared/truncate.js';
import type { Question } from './answer-flow.js';
import { questionText } from './slack-text.js';

export const SUGGESTED_PROMPTS = {
  title: 'Par exemple / For example:',
  prompts: [
    { title: 'Top 5 des campagnes par ROI', message: 'Top 5 des campagnes par ROI' },
    { title: 'Campagnes sous-performantes', message: 'Quelles campagnes sont sous-performantes ?' },
    { title: 'Simuler +20 % de budget', message: 'Simule +20 % de budget sur les campagnes social' },
    { title: 'Best segment by ROI', message: 'Which segment has the highest ROI?' },
  ],
};

export interface AssistantDeps {
  botUserId: string;
  firstDelivery(body: unknown, retryNum: number | undefined): boolean | Promise<boolean>;
  /** Answers the question in the background (the event is acknowledged at once). */
  answer(question: Question): void;
  logger: { warn(object: object, message: string): void };
}

export function createAssistant(deps: AssistantDeps): Assistant {
  return new Assistant({
    threadStarted: async ({ setSuggestedPrompts }) => {
      try {
        await setSuggestedPrompts(SUGGESTED_PROMPTS);
      } catch (error) {
        deps.logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'suggested prompts refused',
        );
      }
    },
    userMessage: async ({ message, body, context, setTitle }) => {
      const event = message as {
        subtype?: string;
        bot_id?: string;
        channel: string;
        user?: string;
        text?: string;
        ts: string;
        thread_ts?: string;
        team?: string;
      };
      // Only what a person typed (our own replies arrive here too).
      if (event.bot_id || (event.subtype !== undefined && event.subtype !== 'file_share')) return;
      if (!(await deps.firstDelivery(body, context.retryNum))) return;
      const text = questionText(event.text ?? '', deps.botUserId);
      // The thread list shows this title; best effort, never awaited before the answer starts.
      if (text) setTitle(truncate(text, 80)).catch(() => {});
      deps.answer({
        team: event.team ?? (body as { team_id?: string }).team_id ?? '',
        channel: event.channel,
        threadTs: event.thread_ts ?? event.ts,
        user: event.user ?? '',
        text,
      });
    },
  });
}
