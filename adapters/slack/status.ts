// What Slack runs as, from its settings: one sentence for the start-up report, shared by the adapter (what it
// switched on) and the report's configured view (what it would switch on, or which setting is missing).
import type { FeatureStatus } from '../../src/core/platform-adapter.js';

export function slackStatus(settings: { botToken?: string; appToken?: string }): FeatureStatus {
  return {
    feature: 'slack',
    on: Boolean(settings.botToken),
    why: !settings.botToken
      ? 'SLACK_BOT_TOKEN absent'
      : settings.appToken
        ? 'Socket Mode (SLACK_APP_TOKEN)'
        : 'mode HTTP sur POST /slack/events',
  };
}
