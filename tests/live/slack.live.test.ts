// Against the real Slack Web API, only when SLACK_BOT_TOKEN and SLACK_LIVE_CHANNEL (a test channel's id, the bot
// invited) are set: the token is accepted (auth.test at creation), a digest with its delivery key and its chart PNG
// is posted through the real adapter, and alreadyPosted finds the key in the channel (needs channels:history or
// groups:history). The messages stay in the test channel.
import { describe, expect, test } from '@jest/globals';
import { createSlackAdapter } from '../../adapters/slack/slack-adapter.js';
import { createChartRenderer } from '../../charts/index.js';
import { silentLogger } from '../../src/core/logger.js';
import { answerFixture } from '../fixtures/answers/index.js';

const token = process.env.SLACK_BOT_TOKEN;
const channel = process.env.SLACK_LIVE_CHANNEL;
const configured = Boolean(token && channel);

(configured ? describe : describe.skip)(
  configured
    ? 'Slack Web API (live)'
    : 'Slack Web API (live) — skipped: set SLACK_BOT_TOKEN and SLACK_LIVE_CHANNEL',
  () => {
    test('a digest with its chart reaches the channel once, and its key is found again', async () => {
      const charts = createChartRenderer();
      const adapter = await createSlackAdapter(
        {
          botToken: token!,
          // Events are not received here: any secret lets the HTTP receiver be built.
          signingSecret: process.env.SLACK_SIGNING_SECRET ?? 'live-test-no-events',
          allowedTeamIds: [],
          allowedChannelIds: [],
        },
        {
          agent: { ask: async () => answerFixture('ranking') },
          renderCharts: async (answer) =>
            Promise.all(
              answer.charts.map(async (request) => {
                const chart = await charts.render(request, { currency: 'CHF', language: answer.language });
                return { id: request.id, png: chart.png, title: chart.title, alt: chart.alt };
              }),
            ),
          currency: 'CHF',
          logger: silentLogger(),
        },
      );
      const ref = `slack:live:${channel}`;
      const key = `live:${Date.now()}`;
      expect(await adapter.alreadyPosted(ref, key)).toBe(false);
      await adapter.post(ref, answerFixture('ranking'), { deliveryKey: key });
      // History is eventually consistent: give it a few seconds.
      let found = false;
      for (let attempt = 0; attempt < 10 && !found; attempt++) {
        found = await adapter.alreadyPosted(ref, key);
        if (!found) await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      expect(found).toBe(true);
      await adapter.stop();
    }, 60_000);
  },
);
