// Cutting user-visible text to a platform limit without splitting a surrogate pair (an emoji cut in half is an
// invalid string for some APIs). Lengths are UTF-16 code units: never fewer than what Slack or Teams count.

const ELLIPSIS = '…';

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - ELLIPSIS.length);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1); // a lone high surrogate
  return `${cut}${ELLIPSIS}`;
}

/** Splits text into chunks ≤ max, preferring line breaks, so a long answer becomes several sections. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) chunks.push(current);
    current = line.length <= max ? line : truncate(line, max);
  }
  if (current) chunks.push(current);
  return chunks;
}

/** « … 3 lignes de plus » in the answer's language. */
export function moreRows(count: number, en: boolean): string {
  const plural = count > 1 ? 's' : '';
  return en ? `… ${count} more row${plural}` : `… ${count} ligne${plural} de plus`;
}
