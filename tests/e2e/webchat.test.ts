// The embedded default, as a person uses it: the real server (`createApp` + `startServer`) on loopback, the page in
// headless Debian Chromium driven by playwright-core. Type a question, see the Adaptive Card with the campaigns
// and its chart image, click a card button, see its answer. A screenshot is kept in artifacts/.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type Browser, chromium } from 'playwright-core';
import { type App, createApp } from '../../src/app/app.js';
import { type RunningServer, startServer } from '../../src/app/http/server.js';
import { webChatFor } from '../../src/app/platforms.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';

const CHROMIUM = '/usr/bin/chromium';
/** The DOM fields we read (the project's TypeScript has no DOM library). */
interface LoadedImage {
  complete: boolean;
  naturalWidth: number;
}
const available = existsSync(CHROMIUM);

(available ? describe : describe.skip)(
  available
    ? 'web chat in headless Chromium'
    : `web chat in headless Chromium — skipped: ${CHROMIUM} missing (apt-get install chromium)`,
  () => {
    let app: App;
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      const config = loadConfig({
        DUCKDB_PATH: ':memory:',
        STATE_DIR: mkdtempSync(join(tmpdir(), 'webchat-')),
        PORT: '0',
        LOG_LEVEL: 'silent',
      });
      app = await createApp(config, { logger: silentLogger() });
      server = await startServer(app, [webChatFor(app).router]);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await app?.close();
    });

    test('a question, its card with the chart, and a card button', async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      page.on('pageerror', (error) => failed.push(error.message));
      await page.goto(server.url);

      await page.fill('#question', 'Quelles campagnes sont sous-performantes ?');
      await page.press('#question', 'Enter');
      const firstCard = page.locator('.message.bot .card').first();
      await firstCard.waitFor({ timeout: 20_000 });
      for (const name of [
        'facebook_lal',
        'instagram_tier2',
        'google_wide',
        'facebOOK_tier2',
        'facebook_tier1',
      ]) {
        await expect(firstCard.textContent()).resolves.toContain(name);
      }
      const chart = firstCard.locator('img[src^="/charts/"]').first();
      await chart.waitFor({ timeout: 20_000 });
      await page.waitForFunction(
        (img) => (img as unknown as LoadedImage).complete && (img as unknown as LoadedImage).naturalWidth > 0,
        await chart.elementHandle(),
        { timeout: 20_000 },
      );
      const width = await chart.evaluate((img) => (img as unknown as LoadedImage).naturalWidth);
      expect(width).toBeGreaterThan(500);

      // A card button (an "ask" action) runs its question in the same conversation.
      await firstCard.locator('button', { hasText: 'Analyse la performance par catégorie' }).click();
      const secondCard = page.locator('.message.bot .card').nth(1);
      await secondCard.waitFor({ timeout: 20_000 });
      await expect(secondCard.textContent()).resolves.toMatch(/influencer[\s\S]*social/);

      mkdirSync('artifacts', { recursive: true });
      await page.screenshot({ path: 'artifacts/webchat.png', fullPage: true });
      expect(failed).toEqual([]);
    }, 90_000);
  },
);
