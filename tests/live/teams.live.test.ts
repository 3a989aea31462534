// Against the real Bot Framework, only when MICROSOFT_APP_ID / MICROSOFT_APP_PASSWORD (and MICROSOFT_APP_TENANT_ID
// for a single-tenant bot), TEAMS_LIVE_SERVICE_URL and TEAMS_LIVE_CONVERSATION_ID (a conversation the bot is in:
// copy both from any activity the bot received) are set: the adapter gets a token from Microsoft Entra and posts
// a digest card proactively through the real connector, as the scheduler does. The card stays in the conversation.
import { describe, expect, test } from '@jest/globals';
import {
  createMemoryConversationRefStore,
  teamsConversationKey,
} from '../../adapters/teams/conversation-refs.js';
import { createTeamsAdapter } from '../../adapters/teams/teams-adapter.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { answerFixture } from '../fixtures/answers/index.js';

const serviceUrl = process.env.TEAMS_LIVE_SERVICE_URL;
const conversationId = process.env.TEAMS_LIVE_CONVERSATION_ID;
const configured = Boolean(
  process.env.MICROSOFT_APP_ID && process.env.MICROSOFT_APP_PASSWORD && serviceUrl && conversationId,
);

(configured ? describe : describe.skip)(
  configured
    ? 'Bot Framework connector (live)'
    : 'Bot Framework connector (live) — skipped: set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, TEAMS_LIVE_SERVICE_URL and TEAMS_LIVE_CONVERSATION_ID',
  () => {
    test('a proactive digest card reaches the conversation', async () => {
      const config = loadConfig(process.env);
      const refs = createMemoryConversationRefStore();
      const key = teamsConversationKey(conversationId!);
      await refs.save(key, {
        channelId: 'msteams',
        serviceUrl: serviceUrl!,
        conversation: {
          id: conversationId!,
          isGroup: false,
          conversationType: 'personal',
          name: '',
          ...(config.teams.tenantId ? { tenantId: config.teams.tenantId } : {}),
        },
        agent: { id: `28:${config.teams.appId}`, name: 'marketing-bot' },
      });
      const adapter = createTeamsAdapter(config.teams, {
        agent: { ask: async () => answerFixture('underperformers') },
        renderCharts: async () => [], // a chart needs PUBLIC_BASE_URL; the card alone is what is tested here
        conversationRefs: refs,
        currency: 'CHF',
        logger: silentLogger(),
      });
      await expect(adapter.post(key, answerFixture('underperformers'))).resolves.toBeUndefined();
      await adapter.idle();
    }, 60_000);
  },
);
