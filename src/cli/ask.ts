// `npm run ask -- [--json] [--conversation ID] "question"`: one answer from the agent, as text or as the Answer
// JSON (intent, language, text, recommendations, provenance[{tool, args, sql, params, rows}], …).
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { renderAnswerText } from '../../adapters/terminal/render.js';
import type { App } from '../app.js';
import { AppError } from '../core/errors.js';

export const ASK_OPTIONS = {
  json: { type: 'boolean', default: false },
  format: { type: 'string', default: 'text' },
  chart: { type: 'string' },
  data: { type: 'string' },
  mapping: { type: 'string' },
  conversation: { type: 'string' },
} as const;

export async function askCommand(app: App, argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: ASK_OPTIONS });
  const question = positionals.join(' ').trim();
  if (!question)
    throw new AppError('INVALID_ARGUMENTS', 'ask: no question given', {
      hint: 'Exemple : npm run ask -- "Top 5 des campagnes par ROI"',
    });
  if (values.format !== 'text' || values.chart) {
    throw new AppError(
      'NOT_IMPLEMENTED',
      `ask: --format ${values.format} / --chart arrive with the renderers`,
      {
        hint: 'Les rendus Slack/Teams et les graphiques PNG arrivent avec l’issue « Charts and rich answers ».',
      },
    );
  }
  const answer = await app.agent.ask({
    conversation: values.conversation ?? `cli:${randomUUID()}`,
    text: question,
  });
  console.log(values.json ? JSON.stringify(answer, null, 2) : renderAnswerText(answer, app.config.currency));
  if (answer.errorCode) process.exitCode = 1;
}
