// Every chart kind rendered from the canonical answer fixtures: PNG size and dimensions, real content, the same
// bytes twice, and text actually drawn (with vs without its <text> elements, and glyph shapes: a title of « W »
// is much wider than one of « i » — missing fonts draw identical boxes, or nothing, and fail both checks).
import { describe, expect, test } from '@jest/globals';
import sharp from 'sharp';
import { createChartRenderer } from '../../charts/render.js';
import type { ChartRequest } from '../../src/core/answer.js';
import { AppError } from '../../src/core/errors.js';
import { type AnswerFixtureName, chartFixture } from '../fixtures/answers/index.js';

const context = { currency: 'CHF', language: 'fr' as const };
const renderer = createChartRenderer();
const withoutText = createChartRenderer({ text: false });

const KINDS: [AnswerFixtureName, ChartRequest['kind']][] = [
  ['ranking', 'ranking'],
  ['underperformers', 'ranking'],
  ['aggregation', 'grouped'],
  ['segmentation', 'clusters'],
  ['simulation', 'simulation'],
  ['trend', 'trend'],
  ['trendAggregate', 'trend'],
];

async function rgb(png: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Share of pixels that differ between two same-sized images. */
async function differingShare(a: Buffer, b: Buffer): Promise<number> {
  const [left, right] = [await rgb(a), await rgb(b)];
  expect([left.width, left.height]).toEqual([right.width, right.height]);
  let differing = 0;
  for (let i = 0; i < left.data.length; i += 3) {
    if (
      left.data[i] !== right.data[i] ||
      left.data[i + 1] !== right.data[i + 1] ||
      left.data[i + 2] !== right.data[i + 2]
    )
      differing++;
  }
  return differing / (left.width * left.height);
}

/** Right-most non-white column in the top `rows` rows (where the title is drawn). */
async function inkRight(png: Buffer, rows: number): Promise<number> {
  const { data, width } = await rgb(png);
  let right = -1;
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) right = Math.max(right, x);
    }
  return right;
}

describe.each(KINDS)('%s (%s chart)', (fixture, kind) => {
  const request = chartFixture(fixture);

  test('the fixture asks for this kind', () => {
    expect(request.kind).toBe(kind);
    expect(request.rows.length).toBeGreaterThan(0);
  });

  test('renders a 1600 px wide, non-blank PNG under 200 KB, the same bytes each time', async () => {
    const first = await renderer.render(request, context);
    const second = await renderer.render(request, context);
    expect(first.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(first.width).toBe(1600);
    expect(first.height).toBeGreaterThanOrEqual(600);
    expect(first.height).toBeLessThanOrEqual(2400);
    const metadata = await sharp(first.png).metadata();
    expect([metadata.width, metadata.height]).toEqual([first.width, first.height]);
    expect(first.bytes).toBe(first.png.length);
    expect(first.bytes).toBeLessThanOrEqual(200 * 1024);
    const stats = await sharp(first.png).stats();
    // Not one flat colour: every channel spans most of the range (white background, dark text, coloured marks).
    for (const channel of stats.channels.slice(0, 3)) expect(channel.max - channel.min).toBeGreaterThan(150);
    expect(stats.isOpaque).toBe(true);
    expect(second.png.equals(first.png)).toBe(true);
    expect(first.id).toBe(request.id);
    expect(first.title).toBe(request.title);
    expect(first.alt.length).toBeGreaterThan(20);
  });

  test('draws its text: removing every <text> element changes a substantial share of the pixels', async () => {
    const drawn = await renderer.render(request, context);
    const bare = await withoutText.render(request, context);
    const share = await differingShare(drawn.png, bare.png);
    expect(share).toBeGreaterThan(0.01);
  });
});

test('glyphs have their own shapes: a title of « W » is drawn much wider than one of « i »', async () => {
  const base = chartFixture('ranking');
  // vega lays text out by character count (no canvas), so both charts have the same layout; only glyphs differ.
  const wide = await renderer.render({ ...base, title: 'W'.repeat(24) }, context);
  const narrow = await renderer.render({ ...base, title: 'i'.repeat(24) }, context);
  const [wideRight, narrowRight] = [await inkRight(wide.png, 110), await inkRight(narrow.png, 110)];
  expect(narrowRight).toBeGreaterThan(0);
  expect(wideRight - 32).toBeGreaterThan(2 * (narrowRight - 32));
});

test('English charts render too', async () => {
  const rendered = await renderer.render(chartFixture('aggregation'), { currency: 'EUR', language: 'en' });
  expect(rendered.width).toBe(1600);
  expect(rendered.alt).toContain('EUR');
});

test('1× scale gives a chart as wide as its spec (640 px: the width a phone shows it at, text included)', async () => {
  const rendered = await createChartRenderer({ scale: 1 }).render(chartFixture('trend'), context);
  expect(rendered.width).toBe(640);
});

test('a chart with no rows is refused with an AppError (callers show the text answer without a chart)', async () => {
  const empty = { ...chartFixture('ranking'), rows: [] };
  await expect(renderer.render(empty, context)).rejects.toBeInstanceOf(AppError);
});
