// Fonts on a machine with no system fonts: fontconfig reads FONTCONFIG_FILE once per process, so each case runs
// in a fresh Node process. With the variable unset the renderer must point fontconfig at charts/fonts/fonts.conf
// (only the npm-bundled DejaVu directory: no system font can be used) and glyphs must have real shapes; with a
// configuration listing no font at all the same glyph check must fail — proof that it detects missing fonts.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@jest/globals';

const run = promisify(execFile);

// Renders the ranking chart with a title of 24 « W » and one of 24 « i » and reports how far right the title ink
// reaches in each (same layout: vega lays text out by character count), plus the fontconfig file in use.
const PROBE = `
import sharp from 'sharp';
import { createChartRenderer } from './charts/render.ts';
import { chartFixture } from './tests/fixtures/answers/index.ts';
const renderer = createChartRenderer();
const context = { currency: 'CHF', language: 'fr' };
async function inkRight(title) {
  const png = (await renderer.render({ ...chartFixture('ranking'), title }, context)).png;
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let right = -1;
  for (let y = 0; y < 110; y++)
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) right = Math.max(right, x);
    }
  return right;
}
const wide = await inkRight('W'.repeat(24));
const narrow = await inkRight('i'.repeat(24));
console.log(JSON.stringify({ wide, narrow, fontconfig: process.env.FONTCONFIG_FILE }));
`;

async function probe(fontconfigFile: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FONTCONFIG_FILE;
  delete env.NODE_OPTIONS;
  if (fontconfigFile) env.FONTCONFIG_FILE = fontconfigFile;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
    cwd: resolve('.'),
    env,
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    wide: number;
    narrow: number;
    fontconfig: string;
  };
}

const distinctShapes = (result: { wide: number; narrow: number }) =>
  result.wide - 32 > 2 * (result.narrow - 32);

test('with FONTCONFIG_FILE unset, charts use the bundled font configuration and draw real glyphs', async () => {
  const result = await probe(undefined);
  expect(result.fontconfig).toBe(resolve('charts/fonts/fonts.conf'));
  expect(result.narrow).toBeGreaterThan(0);
  expect(distinctShapes(result)).toBe(true);
});

test('the glyph check fails when fontconfig finds no font at all (missing glyphs are detected)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'charts-nofont-'));
  const empty = join(dir, 'fonts.conf');
  writeFileSync(empty, '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n');
  const result = await probe(empty);
  expect(result.fontconfig).toBe(empty);
  expect(distinctShapes(result)).toBe(false);
});
