// What Slack runs as, from its settings: one sentence for the start-up report, shared by the adapter (what it
// switched on) and the report's configured view (what it would switch on, or which setting is missing).
import type { FeatureStatus } from '../../src/core/platform-adapter.js';

const CHANNEL_REPLY = {
  full: '',
  summary: ' ; réponses en canal résumées (SLACK_CHANNEL_REPLY=summary)',
  links: ' ; réponses en canal envoyées en message privé (SLACK_CHANNEL_REPLY=links)',
} as const;

export function slackStatus(settings: {
  botToken?: string;
  appToken?: string;
  channelReply?: keyof typeof CHANNEL_REPLY;
}): FeatureStatus {
  const mode = settings.appToken ? 'Socket Mode (SLACK_APP_TOKEN)' : 'mode HTTP sur POST /slack/events';
  return {
    feature: 'slack',
    on: Boolean(settings.botToken),
    why: !settings.botToken
      ? 'SLACK_BOT_TOKEN absent'
      : `${mode}${CHANNEL_REPLY[settings.channelReply ?? 'full']}`,
  };
}
