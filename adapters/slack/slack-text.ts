// Slack's text encoding both ways. Incoming text arrives with &, <, > escaped and mentions as <@U…>; the agent
// wants what the person typed. Outgoing user-provided text (the question echoed by /marketing, SQL shown on
// demand) must be escaped, or « <!channel> » in a question would ping a whole channel and « roi < 0 » would be
// read as a link.

export function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** What the user typed: the bot's own mention removed, links reduced to their label, entities decoded. */
export function questionText(text: string, botUserId: string): string {
  return text
    .replaceAll(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ')
    .replace(/<(?:https?:|mailto:)[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?:|mailto:)[^>]*)>/g, '$1')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text from data or a user in a streamed message (markdown, not mrkdwn): entities as above, and the brackets of
 * Markdown link syntax escaped so `[clic](https://…)` in a campaign name stays text.
 */
export function escapeSlackMarkdown(text: string): string {
  return escapeSlack(text).replace(/(?<!\\)([[\]])/g, '\\$1');
}
