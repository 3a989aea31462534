// The commands a running server runs for the CLI (src/app/http/local-api.ts); a light module, read before the app
// is loaded. `chat` goes through too, as one `ask` per line.
export const SERVER_COMMANDS = ['ask', 'kpi', 'tool', 'digest', 'audit'] as const;
export type ServerCommand = (typeof SERVER_COMMANDS)[number];

export const isServerCommand = (command: string): command is ServerCommand =>
  (SERVER_COMMANDS as readonly string[]).includes(command);
