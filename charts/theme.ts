// The look shared by every chart: one font (bundled, see fonts.ts), sizes chosen for a phone screen (a 640 px wide
// chart, drawn at 2.5× into a 1600 px PNG, is shown about 300 CSS px wide in a chat on a 390 px phone, so 20 px
// text shows at about 9.5 px; the web chat's e2e test measures it), a colour-blind safe palette, and the
// French-Swiss number locale so vega's own axis labels read like the rest of the answer.
import type { Config } from 'vega-lite';
import { CHART_FONT } from './fonts.js';

export const WIDTH = 640;
/**
 * A 1600 px wide PNG: still sharp on a 3× phone screen (about 900 device pixels shown), and small enough to encode
 * without a palette pass (a 2000 px one needed it for square charts: 5× the CPU).
 */
export const DEFAULT_SCALE = 2.5;

export const COLORS = {
  primary: '#2563eb',
  secondary: '#f59e0b',
  positive: '#16a34a',
  negative: '#dc2626',
  neutral: '#64748b',
  interval: '#0f172a',
  text: '#0f172a',
  muted: '#475569',
  grid: '#e2e8f0',
  background: '#ffffff',
};

/** Okabe–Ito based: distinguishable for the common colour-vision deficiencies. */
export const CATEGORY_PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'];

/** French short month names: vega's time locale and our own date labels share them. */
export const SHORT_MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
] as [string, string, string, string, string, string, string, string, string, string, string, string];

export const FONT_SIZE = { title: 28, subtitle: 20, axis: 20, label: 20, legend: 20 };

// Same characters as src/core/format.ts: narrow no-break space between thousands, no-break space after the
// currency, U+2212 minus, narrow no-break space before %.
const GROUP = '\u202f';

/** vega-lite config: fonts, colours and the fr-CH number/time locale used by every `format` in the specs. */
export function chartConfig(currency: string): Config {
  return {
    font: CHART_FONT,
    background: COLORS.background,
    padding: 16,
    locale: {
      number: {
        decimal: ',',
        thousands: GROUP,
        grouping: [3],
        currency: [`${currency}\u00a0`, ''],
        minus: '\u2212',
        percent: '\u202f%',
      },
      time: {
        dateTime: '%A %e %B %Y à %X',
        date: '%d.%m.%Y',
        time: '%H:%M:%S',
        periods: ['AM', 'PM'],
        days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
        shortDays: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
        months: [
          'janvier',
          'février',
          'mars',
          'avril',
          'mai',
          'juin',
          'juillet',
          'août',
          'septembre',
          'octobre',
          'novembre',
          'décembre',
        ],
        shortMonths: SHORT_MONTHS,
      },
    },
    title: {
      fontSize: FONT_SIZE.title,
      subtitleFontSize: FONT_SIZE.subtitle,
      color: COLORS.text,
      subtitleColor: COLORS.muted,
      anchor: 'start',
      offset: 16,
      // A title longer than the chart ends with « … » instead of running off its edge.
      limit: WIDTH - 32,
    },
    axis: {
      labelFontSize: FONT_SIZE.axis,
      titleFontSize: FONT_SIZE.axis,
      labelColor: COLORS.muted,
      titleColor: COLORS.muted,
      gridColor: COLORS.grid,
      domainColor: COLORS.neutral,
      tickColor: COLORS.neutral,
      labelLimit: 230,
      titlePadding: 12,
    },
    legend: {
      labelFontSize: FONT_SIZE.legend,
      titleFontSize: FONT_SIZE.legend,
      orient: 'bottom',
      labelLimit: 300,
      symbolSize: 200,
    },
    text: { fontSize: FONT_SIZE.label, color: COLORS.text },
    view: { stroke: null },
  };
}
