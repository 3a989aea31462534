// `npm run digest -- …` on a real app: add / list / run --dry-run --json / run without a platform / remove, and
// short French messages for bad input.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, jest, test } from '@jest/globals';
import { type App, createApp } from '../../src/app/app.js';
import { digestCommand, parseThreshold } from '../../src/app/cli/digest.js';
import { loadConfig } from '../../src/config.js';

let app: App;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-cli-'));
  app = await createApp(
    loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DUCKDB_PATH: ':memory:', STATE_DIR: dir }),
  );
});
afterAll(async () => {
  await app.close();
});
afterEach(() => {
  process.exitCode = undefined;
  jest.restoreAllMocks();
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  jest.spyOn(console, 'log').mockImplementation((text: unknown) => void out.push(String(text)));
  jest.spyOn(console, 'error').mockImplementation((text: unknown) => void err.push(String(text)));
  await digestCommand(app, argv);
  jest.restoreAllMocks();
  const code = process.exitCode;
  process.exitCode = undefined;
  return { out: out.join('\n'), err: err.join('\n'), code };
}

test('add, list --json, run --dry-run --json, run without a platform, remove', async () => {
  const added = await run('add', '--target', 'slack:T1:C1', '--cron', '0 9 * * 1', '--roi-threshold', '10%', '--category', 'search'); // biome-ignore format: table
  expect(added.out).toMatch(/^Digest ajouté : n° 1 {2}slack:T1:C1 {2}« 0 9 \* \* 1 » \(Europe\/Zurich\)/);
  expect(added.err).toMatch(/Aucune plateforme n'est configurée pour la cible slack:T1:C1/);
  const listed = JSON.parse((await run('list', '--json')).out);
  expect(listed).toMatchObject([{ id: '1', roiThreshold: 0.1, category: 'search', nextRun: expect.stringMatching(/T0[78]:00:00.000Z$/) }]); // biome-ignore format: table
  const preview = await run('run', '1', '--dry-run', '--json');
  const answer = JSON.parse(preview.out);
  expect(answer).toMatchObject({ intent: 'diagnostic', provenance: [{ tool: 'get_underperforming_campaigns', args: { category: 'search', roi_threshold: 0.1 } }] }); // biome-ignore format: table
  expect(answer.recommendations.length).toBeGreaterThanOrEqual(2);
  const real = await run('run', '1');
  expect(real.code).toBe(2);
  expect(real.err).toMatch(
    /Aucune plateforme n'est configurée pour la cible slack:T1:C1 : rien n'a été posté/,
  );
  expect((await run('remove', '1')).out).toBe('Digest n° 1 supprimé (slack:T1:C1).');
  expect((await run('list')).out).toBe('Aucun digest programmé.');
});

test.each([
  [['add', '--target', 'slack:T1:C1', '--cron', '0 9 * *'], /^Expression cron invalide : « 0 9 \* \* »/],
  [
    ['add', '--target', 'slack:T1:C1', '--cron', '0 9 * * 1', '--timezone', 'Europe/Nowhere'],
    /^Fuseau horaire inconnu/,
  ],
  [['add', '--target', 'nowhere', '--cron', '0 9 * * 1'], /^Cible invalide/],
  [['add', '--cron', '0 9 * * 1'], /^--target et --cron sont obligatoires/],
  [['remove', '42'], /^Aucun digest n° 42\./],
  [['run', '42', '--dry-run'], /^Aucun digest n° 42\./],
  [['list', '--verbose'], /^Option invalide/],
  [['frobnicate'], /^Usage : npm run digest/],
])('bad input %j → a short French message, exit code 2', async (argv, message) => {
  const result = await run(...argv);
  expect(result.err).toMatch(message);
  expect(result.code).toBe(2);
});

test('thresholds: fractions or percentages', () => {
  expect([parseThreshold('0'), parseThreshold('0.2'), parseThreshold('20%'), parseThreshold('-10 %')]).toEqual([0, 0.2, 0.2, -0.1]); // biome-ignore format: table
  expect(() => parseThreshold('beaucoup')).toThrow(/bad threshold/);
});
