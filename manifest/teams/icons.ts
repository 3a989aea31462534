// Draws the Teams app icons once (`npx tsx manifest/teams/icons.ts`); the PNGs are committed, so building the app
// package needs no image library. Teams wants a 192×192 full-colour icon and a 32×32 outline icon that is white on
// a transparent background (it tints the outline itself).
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

const ACCENT = '#1F6FEB';

// Three rising bars and a trend line: « campaign figures » at a glance, legible at 32 px.
const glyph = (stroke: number) => `
  <rect x="40" y="108" width="26" height="44" rx="4" fill="#fff"/>
  <rect x="83" y="84" width="26" height="68" rx="4" fill="#fff"/>
  <rect x="126" y="56" width="26" height="96" rx="4" fill="#fff"/>
  <polyline points="40,92 96,62 146,34" fill="none" stroke="#fff" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"/>`;

const colorSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">
  <rect width="192" height="192" rx="36" fill="${ACCENT}"/>${glyph(10)}</svg>`;

// Same drawing scaled to 32 px, thicker line so it survives the downscale; no background at all.
const outlineSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="16 16 160 160">${glyph(14)}</svg>`;

async function main(): Promise<void> {
  const directory = new URL('./', import.meta.url);
  writeFileSync(new URL('color.png', directory), await sharp(Buffer.from(colorSvg)).png().toBuffer());
  // Outline: force pure white wherever anything is drawn (antialiasing keeps its alpha), transparent elsewhere.
  const { data, info } = await sharp(Buffer.from(outlineSvg))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (let index = 0; index < data.length; index += 4) {
    data[index] = 255;
    data[index + 1] = 255;
    data[index + 2] = 255;
  }
  const outline = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
    .png()
    .toBuffer();
  writeFileSync(new URL('outline.png', directory), outline);
  process.stdout.write('manifest/teams/color.png and outline.png written\n');
}

await main();
