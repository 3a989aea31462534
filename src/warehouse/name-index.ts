// The campaign name index, built once per catalog: an exact Map of normalized names (O(1) per question) plus a
// trigram index for typos and partial names (only names sharing trigrams with the query are scored, so a question
// costs the size of a few posting lists, not a pass over 100k names).
import { distance } from 'fastest-levenshtein';

export interface NameIndex {
  readonly size: number;
  /** The exact name for a case- and accent-insensitive match, else undefined. */
  exact(name: string): string | undefined;
  /** Up to `limit` close names (typos, partial names), best first. */
  close(name: string, limit?: number): string[];
}

export function normalizeName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** The postings one question may read: the rarest grams first (they say the most), common ones skipped. */
const MAX_SCANNED = 30_000;

export function createNameIndex(names: readonly string[]): NameIndex {
  const exact = new Map<string, string>();
  const normalized: string[] = [];
  const building = new Map<string, number[]>();
  for (const name of names) {
    const key = normalizeName(name);
    if (exact.has(key)) continue;
    exact.set(key, name);
    const id = normalized.length;
    normalized.push(key);
    for (const gram of trigrams(key)) {
      const list = building.get(gram);
      if (list) list.push(id);
      else building.set(gram, [id]);
    }
  }
  const postings = new Map<string, Int32Array>();
  for (const [gram, list] of building) postings.set(gram, Int32Array.from(list));
  building.clear();
  const originals = [...exact.values()];
  // Shared scratch for one question at a time (the index is used synchronously): counts per name, reset after use.
  const counts = new Uint16Array(normalized.length);

  return {
    size: originals.length,
    exact(name) {
      return exact.get(normalizeName(name));
    },
    close(name, limit = 3) {
      const wanted = normalizeName(name);
      if (wanted === '') return [];
      // Count shared trigrams per name, rarest grams first, within a fixed budget of postings.
      const lists = [...trigrams(wanted)]
        .map((gram) => postings.get(gram))
        .filter((list): list is Int32Array => list !== undefined)
        .sort((a, b) => a.length - b.length);
      const touched: number[] = [];
      let scanned = 0;
      let best = 0;
      for (const list of lists) {
        if (scanned > 0 && scanned + list.length > MAX_SCANNED) break;
        scanned += list.length;
        for (let i = 0; i < list.length; i++) {
          const id = list[i]!;
          const count = ++counts[id]!;
          if (count === 1) touched.push(id);
          if (count > best) best = count;
        }
      }
      // The names sharing the most grams (a typo keeps most of them), scored by edit distance, best first.
      const floor = Math.max(1, best - 2);
      const byCount: number[][] = [[], [], []];
      for (const id of touched) {
        const count = counts[id]!;
        counts[id] = 0;
        if (count >= floor && byCount[best - count]!.length < 300) byCount[best - count]!.push(id);
      }
      const maxDistance = Math.max(3, Math.floor(wanted.length / 3));
      const scored: { name: string; score: number }[] = [];
      for (const ids of byCount) {
        if (scored.length >= limit) break;
        for (const id of ids) {
          const candidate = normalized[id]!;
          const score = distance(candidate, wanted);
          if (score <= maxDistance || candidate.includes(wanted))
            scored.push({ name: originals[id]!, score });
        }
      }
      scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
      return scored.slice(0, limit).map((entry) => entry.name);
    },
  };
}
