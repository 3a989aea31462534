// Platform limits the renderers must stay within: exceeding any of them makes the platform reject the message
// (Slack answers `invalid_blocks`), so the renderers degrade content instead. Figures from the Block Kit reference
// (docs.slack.dev/reference/block-kit) and the Teams / Adaptive Cards documentation.
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  actionsElements: 25,
  contextElements: 10,
  contextText: 3000,
  imageAlt: 2000,
  imageTitle: 2000,
  imageUrl: 3000,
  /** The notification / fallback text: we keep it short enough to read in a notification. */
  fallbackText: 3000,
} as const;

export const TEAMS_LIMITS = {
  /** Teams rejects activities above ~100 KB; the architecture keeps the card itself ≤ 80 KB (bytes, UTF-8). */
  cardBytes: 80 * 1024,
  /** Teams shows at most 6 top-level card actions (host config maxActions); more are silently hidden. */
  actions: 6,
  actionTitle: 75,
  actionData: 2000,
} as const;

/** What both renderers show at most, so a 500-row answer stays readable on a phone. */
export const CONTENT_LIMITS = {
  tableRows: 15,
  tableColumns: 10,
  cellChars: 60,
  facts: 20,
  factValueChars: 300,
  recommendations: 10,
  recommendationChars: 600,
  noticeChars: 1000,
  textChars: 6000,
  labelChars: 200,
} as const;

/** Tighter caps for a card that is still too large once its table and inline chart are gone. */
export const COMPACT_LIMITS = {
  ...CONTENT_LIMITS,
  facts: 10,
  factValueChars: 100,
  recommendations: 5,
  recommendationChars: 200,
  noticeChars: 300,
  textChars: 2000,
  labelChars: 80,
} as const;

export type ContentLimits = { readonly [key in keyof typeof CONTENT_LIMITS]: number };
