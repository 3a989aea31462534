// What changed since a subscription's previous digest: campaigns newly below the threshold, campaigns that
// recovered (listed last time, not now), and ROI moves of campaigns listed both times. Pure, so it is tested
// on plain rows.
import type { DigestRow } from './model.js';

/** Moves smaller than this (in ROI fraction, 0.01 = 1 point) are noise in a weekly digest. */
export const ROI_MOVE_MIN = 0.01;

export interface DigestChanges {
  /** False for a subscription's first digest: there is nothing to compare with. */
  compared: boolean;
  newEntries: DigestRow[];
  /** With the campaign's current ROI when it is still in the data (null otherwise). */
  recoveries: DigestRow[];
  moves: { row: DigestRow; previousRoi: number; delta: number }[];
}

export function detectChanges(
  previous: DigestRow[] | undefined,
  current: DigestRow[],
  currentRoiOf: (campaign: string) => number | null = () => null,
): DigestChanges {
  if (!previous) return { compared: false, newEntries: [], recoveries: [], moves: [] };
  const before = new Map(previous.map((row) => [row.campaign_name, row]));
  const now = new Set(current.map((row) => row.campaign_name));
  const moves: DigestChanges['moves'] = [];
  for (const row of current) {
    const old = before.get(row.campaign_name);
    if (!old || old.roi === null || row.roi === null) continue;
    const delta = row.roi - old.roi;
    if (Math.abs(delta) >= ROI_MOVE_MIN) moves.push({ row, previousRoi: old.roi, delta });
  }
  moves.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  return {
    compared: true,
    newEntries: current.filter((row) => !before.has(row.campaign_name)),
    recoveries: previous
      .filter((row) => !now.has(row.campaign_name))
      .map((row) => ({ ...row, roi: currentRoiOf(row.campaign_name) })),
    moves,
  };
}

export function hasChanges(changes: DigestChanges): boolean {
  return changes.newEntries.length + changes.recoveries.length + changes.moves.length > 0;
}
