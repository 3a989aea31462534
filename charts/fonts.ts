// Chart text must render on a machine with no system fonts: the DejaVu fonts come from the dejavu-fonts-ttf npm
// package and fontconfig is pointed at charts/fonts/fonts.conf, which lists only that directory. The file uses a
// path relative to itself (the usual project layout); when the package was installed elsewhere (hoisted
// differently, a deployment bundle), an equivalent file naming the resolved directory is written to the temp dir.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The font family every chart asks for (see theme.ts); fonts.conf also maps sans-serif to it. */
export const CHART_FONT = 'DejaVu Sans';

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The directory holding the bundled .ttf files, resolved like any import would. */
export function bundledFontDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  return join(dirname(packageJson), 'ttf');
}

/** The fontconfig file to use: the checked-in one when its relative path is right, else a generated copy. */
export function bundledFontconfigPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const checkedIn = join(here, 'fonts', 'fonts.conf');
  const fontDir = bundledFontDirectory();
  if (resolve(here, 'fonts', '../../node_modules/dejavu-fonts-ttf/ttf') === resolve(fontDir))
    return checkedIn;
  const generatedDir = join(tmpdir(), 'marketing-bot-fonts');
  const generated = join(generatedDir, 'fonts.conf');
  // Rewritten each time (once per process): a stale copy could name another installation's directory.
  mkdirSync(generatedDir, { recursive: true });
  writeFileSync(
    generated,
    `<?xml version="1.0"?>\n<fontconfig>\n  <dir>${escapeXml(fontDir)}</dir>\n` +
      `  <alias><family>sans-serif</family><prefer><family>${CHART_FONT}</family></prefer></alias>\n</fontconfig>\n`,
  );
  return generated;
}
