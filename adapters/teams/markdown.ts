// Teams renders markdown in card text and in message text: text that comes from data, users or an LLM must not
// turn into a link.

/**
 * Adaptive Cards render markdown links: a campaign name, a user's question or an LLM text holding
 * `[login](https://evil.example)` would become a clickable link with a hidden target. A zero-width space between
 * `]` and `(` (and after `!` before `[`) breaks the syntax; the text reads the same and the URL stays visible.
 */
export function neutralizeLinks(value: string): string {
  return value
    .replace(/\]\(/g, ']\u200b(')
    .replace(/!\[/g, '!\u200b[')
    .replace(/\]\[/g, ']\u200b[') // reference links: [text][1]
    .replace(/^(\s*)\[([^\]]*)\]:/gm, '$1[$2]\u200b:') // and their definitions: [1]: https://…
    .replace(/<(https?:|mailto:)/gi, '<\u200b$1'); // autolinks: <https://…>
}
