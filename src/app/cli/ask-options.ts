// The options of `ask`, apart from the command: main.ts and the CLI's client of a running server read them without
// loading the renderers.
export const ASK_OPTIONS = {
  json: { type: 'boolean', default: false },
  format: { type: 'string', default: 'text' },
  chart: { type: 'string' },
  data: { type: 'string' },
  model: { type: 'string' },
  mapping: { type: 'string' },
  conversation: { type: 'string' },
} as const;
