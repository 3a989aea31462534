// The embedded default, as a person uses it: the real server (`createApp` + `startServer`) on loopback, the page in
// headless Debian Chromium driven by playwright-core. Type a question, see the Adaptive Card with the campaigns
// and its chart image, click a card button, see its answer. A screenshot is kept in artifacts/.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEFAULT_SCALE, FONT_SIZE } from '../../charts/theme.js';
import { type App, createApp } from '../../src/app/app.js';
import { type RunningServer, startServer } from '../../src/app/http/server.js';
import { webChatFor } from '../../src/app/platforms.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';

const CHROMIUM = '/usr/bin/chromium';
/** The DOM fields we read (the project's TypeScript has no DOM library). */
interface DomRange {
  selectNodeContents(node: unknown): void;
  getClientRects(): Iterable<{ top: number; width: number }>;
}
interface LoadedImage {
  complete: boolean;
  naturalWidth: number;
}
const available = existsSync(CHROMIUM);

/**
 * Each card table cell's text, the lines the browser lays it out on (one client rect per line; rects of one line can
 * differ by a sub-pixel, so a new line is a jump of more than a few pixels) and whether any of its boxes is cut.
 */
function cellLayout(page: Page): Promise<{ text: string; lines: number; clipped: boolean }[]> {
  return page.locator('.message.bot .card [role="table"] [role="cell"]').evaluateAll((elements) => {
    const doc = (globalThis as unknown as { document: { createRange(): DomRange } }).document;
    type Box = { scrollWidth: number; clientWidth: number };
    return (elements as unknown as (Box & { textContent: string; querySelectorAll(s: string): Box[] })[]).map(
      (element) => {
        const range = doc.createRange();
        range.selectNodeContents(element);
        const tops = [...range.getClientRects()]
          .filter((r) => r.width > 0)
          .map((r) => r.top)
          .sort((a, b) => a - b);
        const lines = tops.filter((top, i) => i === 0 || top - tops[i - 1]! > 4).length;
        const clipped = [element, ...element.querySelectorAll('*')].some(
          (box) => box.clientWidth > 0 && box.scrollWidth > box.clientWidth + 1,
        );
        return { text: element.textContent.trim(), lines, clipped };
      },
    );
  });
}

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

    test('a « thinking » line holds the answer’s place until the answer replaces it', async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
      // The answer is held back until the indicator has been seen: no timing involved.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/api/ask', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(server.url);
      await page.fill('#question', 'Top 5 des campagnes par ROI');
      await page.press('#question', 'Enter');
      const thinking = page.locator('#messages .message.bot .thinking');
      await thinking.waitFor({ timeout: 20_000 });
      await expect(thinking.textContent()).resolves.toContain('Le bot réfléchit');
      await expect(thinking.getAttribute('role')).resolves.toBe('status');
      release();
      await page.locator('.message.bot .card').first().waitFor({ timeout: 20_000 });
      await expect(thinking.count()).resolves.toBe(0);
      // The answer took the indicator's place: right under its question.
      const order = await page
        .locator('#messages > .message')
        .evaluateAll((nodes) => nodes.map((node) => (node as unknown as { className: string }).className));
      expect(order).toEqual(['message user', 'message bot']);
    }, 90_000);

    test('the SQL and the 👍 thanks appear under their own card, not at the bottom of the page', async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      await page.goto(server.url);
      for (const question of ['Top 5 des campagnes par ROI', 'Analyse la performance par catégorie']) {
        const cards = await page.locator('.message.bot .card').count();
        await page.fill('#question', question);
        await page.press('#question', 'Enter');
        await page.locator('.message.bot .card').nth(cards).waitFor({ timeout: 20_000 });
      }
      const first = page.locator('.message.bot .card').first();
      await first.locator('button', { hasText: 'Voir la requête SQL' }).click();
      const sql = first.locator('.replies details.sql');
      await sql.waitFor({ timeout: 20_000 });
      await expect(sql.textContent()).resolves.toMatch(/rank_campaigns[\s\S]*SELECT/);
      await expect(sql.getAttribute('open')).resolves.toBe('');
      await first.locator('button', { hasText: '👍' }).click();
      const thanks = first.locator('.replies .reply');
      await thanks.waitFor({ timeout: 20_000 });
      await expect(thanks.textContent()).resolves.toBe('Merci pour votre retour !');
      // The page still ends with the second answer: nothing was appended after it.
      await expect(page.locator('#messages > .message').count()).resolves.toBe(4);
      await expect(page.locator('#messages > .message').last().textContent()).resolves.toMatch(/influencer/);
      await expect(page.locator('.message.bot .card').nth(1).locator('.replies > *').count()).resolves.toBe(
        0,
      );
    }, 90_000);

    test('figures stay whole on one line; a 9-column table fits a desktop card, and scrolls inside it when narrower', async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      await page.goto(server.url);
      // A 6-column table (two of them text), then the 9-column one.
      for (const question of [
        'Quelles campagnes sont sous-performantes ?',
        'Analyse la performance par catégorie',
      ]) {
        const cards = await page.locator('.message.bot .card').count();
        await page.fill('#question', question);
        await page.press('#question', 'Enter');
        await page.locator('.message.bot .card').nth(cards).waitFor({ timeout: 20_000 });
      }
      const tables = () =>
        page.locator('.message.bot .card [role="table"]').evaluateAll((elements) =>
          (
            elements as unknown as {
              parentElement: { scrollWidth: number; clientWidth: number };
              querySelector(s: string): { children: { length: number } } | null;
            }[]
          ).map((node) => ({
            columns: node.querySelector('[role="row"]')?.children.length ?? 0,
            scrolls: node.parentElement.scrollWidth > node.parentElement.clientWidth,
          })),
        );
      mkdirSync('artifacts', { recursive: true });
      await page.screenshot({ path: 'artifacts/webchat-tables.png', fullPage: true });
      // Columns as wide as their figures: on a desktop both fit in the card.
      expect(await tables()).toEqual([
        { columns: 6, scrolls: false },
        { columns: 9, scrolls: false },
      ]);
      const cells = await cellLayout(page);
      const amounts = cells.filter((cell) => /^CHF\s/.test(cell.text));
      expect(amounts.length).toBeGreaterThan(20);
      for (const cell of amounts) expect(cell).toEqual({ text: cell.text, lines: 1, clipped: false });
      const pageWidth = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
            .documentElement.scrollWidth,
      );
      expect(pageWidth).toBeLessThanOrEqual(1100);
      // In a narrower window the 9 columns no longer fit: that table scrolls inside its card, not the page.
      await page.setViewportSize({ width: 720, height: 1400 });
      expect((await tables())[1]).toEqual({ columns: 9, scrolls: true });
      const narrowWidth = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
            .documentElement.scrollWidth,
      );
      expect(narrowWidth).toBeLessThanOrEqual(720);
    }, 90_000);

    test('a digest asked in the web chat is refused, saying where to ask instead', async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
      await page.goto(server.url);
      await page.fill('#question', 'digest chaque lundi à 9h');
      await page.press('#question', 'Enter');
      const card = page.locator('.message.bot .card').first();
      await card.waitFor({ timeout: 20_000 });
      const text = await card.textContent();
      expect(text).toContain('Le chat web ne peut pas recevoir de digest');
      expect(text).toContain('Demandez-le depuis Slack ou Teams');
      expect(text).toContain('npm run digest -- add');
      expect(await app.digests.list()).toEqual([]);
    }, 90_000);

    /** The web chat on a 390 px phone, one answer with its chart loaded; its chart's shown and natural widths. */
    async function phoneAnswer() {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
      await page.goto(server.url);
      await page.fill('#question', 'Analyse la performance par catégorie');
      await page.press('#question', 'Enter');
      const card = page.locator('.message.bot .card').first();
      await card.waitFor({ timeout: 20_000 });
      const chart = card.locator('img[src^="/charts/"]').first();
      await chart.waitFor({ timeout: 20_000 });
      await page.waitForFunction(
        (img) => (img as unknown as LoadedImage).complete && (img as unknown as LoadedImage).naturalWidth > 0,
        await chart.elementHandle(),
        { timeout: 20_000 },
      );
      const sizes = await chart.evaluate((img) => {
        const image = img as unknown as LoadedImage & { clientWidth: number };
        return { shown: image.clientWidth, natural: image.naturalWidth };
      });
      return { page, sizes };
    }

    test('on a 390 px phone figures stay on one line; a wide table scrolls inside its card, not the page', async () => {
      const { page, sizes } = await phoneAnswer();
      mkdirSync('artifacts', { recursive: true });
      await page.screenshot({ path: 'artifacts/webchat-390.png', fullPage: true });
      expect(sizes.shown).toBeLessThanOrEqual(390);
      // Every table cell holding an amount is one line high (no « CHF 21 119 887 » broken digit by digit).
      // The lines each cell's text is laid out on, counted by the browser (one client rect per line).
      const cells = await cellLayout(page);
      const amounts = cells.filter((cell) => /^CHF\s/.test(cell.text));
      expect(amounts.length).toBeGreaterThan(0);
      for (const cell of amounts) expect(cell).toEqual({ text: cell.text, lines: 1, clipped: false });
      const pageWidth = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
            .documentElement.scrollWidth,
      );
      expect(pageWidth).toBeLessThanOrEqual(390);
    }, 90_000);

    // The charts are drawn 640 px wide with 20 px text (charts/theme.ts): shown about 305 px wide on a 390 px phone,
    // their smallest text is about 9.5 CSS px (it was 5 px when they were 1000 px wide with 17 px text).
    test('on a 390 px phone the chart text is at least 9 CSS px', async () => {
      const { sizes } = await phoneAnswer();
      const smallestTextPx =
        (Math.min(FONT_SIZE.label, FONT_SIZE.axis) * DEFAULT_SCALE * sizes.shown) / sizes.natural;
      expect(smallestTextPx).toBeGreaterThanOrEqual(9);
    }, 90_000);
  },
);
