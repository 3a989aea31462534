// Teams renders Markdown in message text and in Adaptive Card TextBlocks, so `[text](https://…)` in a campaign
// name or a question would become a clickable link in the bot's own card: a phishing vector. Every text that comes
// from data or a user goes through this before it reaches Teams. A backslash before the brackets keeps them visible
// as typed (CommonMark escapes, which Teams and the Adaptive Cards renderer honour) and breaks inline, reference
// and image link syntax alike; `<https://…>` autolinks lose their angle brackets' meaning the same way.
const LINK_SYNTAX = /(?<!\\)([[\]<>])/g;

export function escapeMarkdownLinks(text: string): string {
  return text.replace(LINK_SYNTAX, '\\$1');
}
