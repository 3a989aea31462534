// ChartRequest → PNG: vega-lite spec (specs/) → vega View with no renderer (headless, no canvas) → SVG → sharp
// (librsvg draws the SVG, text through fontconfig and the bundled DejaVu fonts) → PNG. Deterministic:
// no randomness, no time, no system fonts, so the same request gives the same bytes.
import type { Sharp, SharpOptions } from 'sharp';
import { useBundledFontconfig } from '../src/config.js';
import type { ChartRequest } from '../src/core/answer.js';
import { AppError } from '../src/core/errors.js';
import { altText } from './alt.js';
import { bundledFontconfigPath } from './fonts.js';
import { buildSpec } from './specs/index.js';
import { COLORS, DEFAULT_SCALE } from './theme.js';
import type { ChartContext } from './values.js';

export type { ChartContext } from './values.js';

export interface RenderedChart {
  id: string;
  png: Buffer;
  width: number;
  height: number;
  title: string;
  alt: string;
  bytes: number;
}

export interface ChartRenderer {
  render(request: ChartRequest, context: ChartContext): Promise<RenderedChart>;
}

export interface ChartRendererOptions {
  /** Pixel ratio: 2.5 (default) gives a 1600 px wide PNG, sharp on high-density phone screens. */
  scale?: number;
  /**
   * false drops every <text> element from the SVG before drawing: same layout, no glyphs. Tests compare both
   * renderings; a small difference means fonts are missing and text silently rendered as nothing.
   */
  text?: boolean;
}

/** Above this a true-colour PNG is re-encoded with a palette (the limit for chart images is 200 KB). */
const PALETTE_ABOVE_BYTES = 190 * 1024;
/** The limit for chart images (Slack, Teams cards by URL, the web chat). */
const MAX_BYTES = 200 * 1024;

type SharpFactory = (input: Buffer, options?: SharpOptions) => Sharp;

/** vega's parser and view, vega-lite's compiler. */
interface Grammar {
  parse: typeof import('vega').parse;
  View: typeof import('vega').View;
  compile: typeof import('vega-lite').compile;
}

/**
 * vega and vega-lite are loaded by the first chart rather than by every start: with their d3 modules they are a good
 * part of the server's start-up time, and `kpi` or a text-only answer never draw. One after the other: jest's ESM
 * loader fails on two concurrent imports that share modules.
 */
async function loadGrammar(): Promise<Grammar> {
  const { parse, View } = await import('vega');
  const { compile } = await import('vega-lite');
  return { parse, View, compile };
}

/** The SVG of a chart, at `scale`. Exported for tests and debugging (open it in a browser). */
export async function chartSvg(
  request: ChartRequest,
  context: ChartContext,
  options: ChartRendererOptions = {},
  grammar: Promise<Grammar> = loadGrammar(),
): Promise<string> {
  if (request.rows.length === 0) {
    // No empty-state picture: a chart of nothing says less than the answer's text, so callers skip it.
    throw new AppError('INTERNAL', `chart ${request.id} (${request.kind}) has no rows to draw`);
  }
  const { parse, View, compile } = await grammar;
  const view = new View(parse(compile(buildSpec(request, context)).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG(options.scale ?? DEFAULT_SCALE);
    return options.text === false ? svg.replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, '') : svg;
  } finally {
    view.finalize();
  }
}

export function createChartRenderer(options: ChartRendererOptions = {}): ChartRenderer {
  let sharpFactory: Promise<SharpFactory> | undefined;
  let grammar: Promise<Grammar> | undefined;
  // sharp is loaded on first use, after fontconfig has been pointed at the bundled fonts: fontconfig reads its
  // configuration once per process and apps that never draw a chart never load libvips.
  const loadSharp = (): Promise<SharpFactory> => {
    sharpFactory ??= (async () => {
      useBundledFontconfig(bundledFontconfigPath());
      const module = await import('sharp');
      // libvips' operation cache (up to 50 MB by default) never hits here: every chart is a new SVG.
      module.default.cache(false);
      return module.default as unknown as SharpFactory;
    })();
    return sharpFactory;
  };

  return {
    async render(request, context) {
      const sharp = await loadSharp();
      // A very tall chart (many groups) is drawn at a lower scale rather than past the 200 KB image limit; the text
      // keeps its size relative to the chart, so it reads the same on a phone.
      const scales = options.scale !== undefined ? [options.scale] : [DEFAULT_SCALE, 2, 1.6];
      let data = Buffer.alloc(0);
      let info = { width: 0, height: 0 };
      for (const scale of scales) {
        grammar ??= loadGrammar();
        const svg = await chartSvg(request, context, { ...options, scale }, grammar);
        // Flattened on the chart's background: at a fractional scale the last row of pixels is only partly covered.
        const image = sharp(Buffer.from(svg)).flatten({ background: COLORS.background });
        ({ data, info } = await image
          .clone()
          .png({ compressionLevel: 4 })
          .toBuffer({ resolveWithObject: true }));
        if (data.length > PALETTE_ABOVE_BYTES) {
          // Busy charts: a 256-colour palette PNG (charts are flat colours plus anti-aliasing, so it looks the same)
          // is far smaller; it costs ~20 ms of quantization, so only when the plain PNG is too heavy.
          ({ data, info } = await image
            .png({ palette: true, colours: 256, dither: 0, compressionLevel: 6, effort: 1 })
            .toBuffer({ resolveWithObject: true }));
        }
        if (data.length <= MAX_BYTES) break;
      }
      return {
        id: request.id,
        png: data,
        width: info.width,
        height: info.height,
        title: request.title,
        alt: altText(request, context),
        bytes: data.length,
      };
    },
  };
}
