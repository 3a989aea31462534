// `npm run ask` as a script uses it: the real CLI process on the embedded defaults, printing exactly what Slack
// or Teams would receive and writing the chart PNG.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@jest/globals';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cli-ask-'));
const env = { ...process.env, DUCKDB_PATH: ':memory:', STATE_DIR: join(dir, 'state'), LOG_LEVEL: 'silent' };
const ask = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/app/main.ts', 'ask', ...args], {
    env,
    maxBuffer: 8 * 1024 * 1024,
  });

test('--format teams prints the Adaptive Card and --chart writes the PNG', async () => {
  const chart = join(dir, 'chart.png');
  const { stdout } = await ask('--format', 'teams', '--chart', chart, 'Top 5 des campagnes par ROI');
  const card = JSON.parse(stdout) as { type: string; version: string };
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  expect(stdout).toContain('youtube_blogger');
  const png = readFileSync(chart);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1600); // IHDR width: a 640 px chart at 2.5×
}, 60_000);

test('--format slack prints Block Kit with a plain-text fallback; --json prints the Answer', async () => {
  const slack = JSON.parse(
    (await ask('--format', 'slack', 'Quelles campagnes sont sous-performantes ?')).stdout,
  ) as { text: string; blocks: unknown[] };
  expect(slack.text).toContain('facebook_lal');
  expect(slack.blocks.length).toBeLessThanOrEqual(50);
  const answer = JSON.parse((await ask('--json', 'Top 3 campaigns by revenue')).stdout) as {
    language: string;
    provenance: { tool: string; params: unknown[] }[];
  };
  expect(answer.language).toBe('en');
  expect(answer.provenance[0]?.tool).toBe('rank_campaigns');
  expect(answer.provenance[0]?.params).toEqual([3]);
}, 60_000);

test('--data FILE with no model: the inferred model is used and --json says what was guessed', async () => {
  // The answer is an explanation (an error code): the CLI exits 1 but prints the whole Answer.
  const failed = (await ask(
    '--json',
    '--data',
    'tests/fixtures/exports/no-revenue.csv',
    'Top 5 des campagnes par ROI',
  ).catch((error: unknown) => error)) as { stdout: string; code?: number };
  expect(failed.code).toBe(1);
  const answer = JSON.parse(failed.stdout) as {
    text: string;
    data: { modelSource: string; inferred: { summary: string; reasons: string[] } };
  };
  expect(answer.data.modelSource).toBe('inferred');
  expect(answer.data.inferred.summary).toContain('mesures absentes : revenue');
  expect(answer.data.inferred.reasons.join('\n')).toContain('revenue : aucune colonne — mesure absente');
  expect(answer.text).toContain(
    "Vos données n'ont pas de chiffre d'affaires : ROI et ROAS ne sont pas calculables. Je peux vous donner le",
  );
}, 60_000);
