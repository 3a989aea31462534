// Scatter labels that do not overlap: vega-lite has no label-placement transform, so each label is placed here,
// greedily (largest first), at the first free spot around its point (right, left, above, below) inside the plot;
// a label with no free spot is left out (the table fallback and alt text still name every campaign). Positions
// are estimated in pixels from the domains and an approximate plot size, which is enough to avoid collisions.

export type Placement = 'right' | 'left' | 'top' | 'bottom' | 'none';

export interface LabelPoint {
  x: number;
  y: number;
  text: string;
  priority: number;
}

export interface PlotGeometry {
  xDomain: [number, number];
  yDomain: [number, number];
  width: number;
  height: number;
  fontSize: number;
  pointRadius: number;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The text-mark settings of each placement (offsets in px from the point's centre). */
export const PLACEMENT_MARKS: Record<
  Exclude<Placement, 'none'>,
  { align: string; dx: number; dy: number }
> = {
  right: { align: 'left', dx: 16, dy: 0 },
  left: { align: 'right', dx: -16, dy: 0 },
  top: { align: 'center', dx: 0, dy: -24 },
  bottom: { align: 'center', dx: 0, dy: 24 },
};

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export function placeLabels(points: LabelPoint[], plot: PlotGeometry): Placement[] {
  const [x0, x1] = plot.xDomain;
  const [y0, y1] = plot.yDomain;
  const px = (x: number) => ((x - x0) / (x1 - x0 || 1)) * plot.width;
  const py = (y: number) => plot.height - ((y - y0) / (y1 - y0 || 1)) * plot.height;
  const r = plot.pointRadius;
  const taken: Box[] = points.map((point) => ({
    left: px(point.x) - r,
    right: px(point.x) + r,
    top: py(point.y) - r,
    bottom: py(point.y) + r,
  }));
  const placements: Placement[] = points.map(() => 'none');
  const order = points
    .map((_, index) => index)
    .sort((a, b) => points[b]!.priority - points[a]!.priority || a - b);
  for (const index of order) {
    const point = points[index]!;
    // DejaVu Sans averages about 0.6 em per character; a little extra keeps labels apart.
    const width = point.text.length * plot.fontSize * 0.62;
    const height = plot.fontSize * 1.3;
    const cx = px(point.x);
    const cy = py(point.y);
    for (const placement of ['right', 'left', 'top', 'bottom'] as const) {
      const { align, dx, dy } = PLACEMENT_MARKS[placement];
      const left = align === 'left' ? cx + dx : align === 'right' ? cx + dx - width : cx - width / 2;
      const box = { left, right: left + width, top: cy + dy - height / 2, bottom: cy + dy + height / 2 };
      const inside = box.left >= 0 && box.right <= plot.width && box.top >= 0 && box.bottom <= plot.height;
      if (inside && !taken.some((other) => overlaps(box, other))) {
        placements[index] = placement;
        taken.push(box);
        break;
      }
    }
  }
  return placements;
}
