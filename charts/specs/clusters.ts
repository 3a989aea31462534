// Segmentation (segment_campaigns): each campaign at (revenue, ROI), coloured by segment and named, with a
// line at ROI 0 — where a campaign sits against the others is what the segments mean to a marketer.
import type { TopLevelSpec } from 'vega-lite';
import { CATEGORY_PALETTE, COLORS, WIDTH } from '../theme.js';
import { axisFormat, formatValue, measureLabel, moneyAxis, num, tr } from '../values.js';
import { axis, frame, type SpecInput } from './common.js';
import { PLACEMENT_MARKS, type Placement, placeLabels } from './placement.js';

const HEIGHT = 640;
const LABEL_SIZE = 19;

export function clustersSpec(input: SpecInput): TopLevelSpec {
  const { request, context } = input;
  const points = request.rows.map((row) => ({
    name: String(row.campaign_name ?? ''),
    segment: String(row.segment ?? '–'),
    revenue: num(row.revenue) ?? 0,
    roi: num(row.roi) ?? 0,
    label: `${row.campaign_name} ${formatValue('signed_percent', row.roi, context.currency)}`,
  }));
  // Segment colours in order of first appearance (the tool lists the best segment first): stable across runs.
  const segments = [...new Set(points.map((entry) => entry.segment))];
  const rois = points.map((entry) => entry.roi);
  const roiPad = (Math.max(...rois) - Math.min(...rois) || 1) * 0.12;
  const xDomain: [number, number] = [0, Math.max(...points.map((entry) => entry.revenue), 1) * 1.3];
  const yDomain: [number, number] = [Math.min(0, ...rois) - roiPad, Math.max(0, ...rois) + roiPad];
  // The plot area is about the frame minus the y axis, title, x axis and legend (see theme.ts sizes).
  const placements = placeLabels(
    points.map((entry) => ({ x: entry.revenue, y: entry.roi, text: entry.label, priority: entry.revenue })),
    { xDomain, yDomain, width: WIDTH - 170, height: HEIGHT - 260, fontSize: LABEL_SIZE, pointRadius: 11 },
  );
  const values = points.map((entry, index) => ({ ...entry, place: placements[index] }));
  const labelLayer = (place: Exclude<Placement, 'none'>) => ({
    transform: [{ filter: `datum.place === '${place}'` }],
    mark: { type: 'text', baseline: 'middle', fontSize: LABEL_SIZE, ...PLACEMENT_MARKS[place] },
    encoding: { text: { field: 'label' } },
  });
  return frame(
    input,
    HEIGHT,
    {
      data: { values },
      encoding: {
        x: {
          field: 'revenue',
          type: 'quantitative',
          scale: { domain: xDomain, nice: false },
          axis: axis({
            title: tr(context.language, `CA (${context.currency})`, `Revenue (${context.currency})`),
            ...moneyAxis(xDomain[1], context.currency),
            tickCount: 4,
          }),
        },
        y: {
          field: 'roi',
          type: 'quantitative',
          scale: { domain: yDomain, nice: false },
          axis: axis({ title: measureLabel('roi', context.language), format: axisFormat('percent') }),
        },
      },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.neutral, strokeDash: [6, 4] },
          encoding: { y: { datum: 0 }, x: null },
        },
        {
          // Opaque on purpose: a translucent mark makes librsvg composite a full-size layer per point (~1.5 ms each).
          mark: {
            type: 'point',
            filled: true,
            size: 360,
            opacity: 1,
            stroke: COLORS.background,
            strokeWidth: 2,
          },
          encoding: {
            color: {
              field: 'segment',
              type: 'nominal',
              scale: { domain: segments, range: CATEGORY_PALETTE.slice(0, Math.max(segments.length, 1)) },
              legend: { title: null, columns: 1 },
            },
          },
        },
        ...[labelLayer('right'), labelLayer('left'), labelLayer('top'), labelLayer('bottom')],
      ],
    },
    tr(
      context.language,
      `${values.length} campagnes, ${segments.length} segments`,
      `${values.length} campaigns, ${segments.length} segments`,
    ),
  );
}
