// `npm run ask -- [--json | --format text|slack|teams] [--chart FILE.png] [--data FILE] [--model FILE | --mapping FILE] "question"`:
// one answer from the agent as text, as the Answer JSON, or exactly as Slack / Teams would receive it.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { renderSlack } from '../../../adapters/slack/render.js';
import { renderTeams } from '../../../adapters/teams/render.js';
import { renderAnswerText } from '../../../adapters/terminal/render.js';
import { AppError } from '../../core/errors.js';
import type { App } from '../app.js';
import { ASK_OPTIONS } from './ask-options.js';
import { cliAsker } from './asker.js';
import { type CommandContext, consoleIo } from './io.js';

export async function askCommand(
  app: App,
  argv: string[],
  { io = consoleIo(), asker = cliAsker() }: Partial<CommandContext> = {},
): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: ASK_OPTIONS });
  const question = positionals.join(' ').trim();
  if (!question)
    throw new AppError('INVALID_ARGUMENTS', 'ask: no question given', {
      hint: 'Exemple : npm run ask -- "Top 5 des campagnes par ROI"',
    });
  if (!['text', 'slack', 'teams'].includes(values.format)) {
    throw new AppError('INVALID_ARGUMENTS', `ask: unknown format ${values.format}`, {
      hint: 'Formats : text, slack, teams.',
    });
  }
  const answer = await app.agent.ask({
    conversation: values.conversation ?? `cli:${randomUUID()}`,
    text: question,
    surface: 'cli',
    user: asker,
  });
  // The chart is rendered once and written where asked; the platform JSON points at it as a local file.
  const images: Record<string, { url: string }> = {};
  const firstChart = answer.charts[0];
  if (values.chart && firstChart) {
    const rendered = await app.charts.render(firstChart, {
      currency: app.config.currency,
      language: answer.language,
    });
    io.writeFile(values.chart, rendered.png);
    images[firstChart.id] = { url: pathToFileURL(resolve(values.chart)).href };
    io.err(
      `Graphique écrit : ${values.chart} (${rendered.width}×${rendered.height}, ${Math.round(rendered.bytes / 1024)} Ko)`,
    );
  } else if (values.chart) {
    io.err('Cette réponse n’a pas de graphique.');
  }
  const currency = app.config.currency;
  if (values.format === 'slack') {
    const slackImages = Object.fromEntries(
      Object.entries(images).map(([id, image]) => [id, { imageUrl: image.url }]),
    );
    io.out(JSON.stringify(renderSlack(answer, { currency, images: slackImages }), null, 2));
  } else if (values.format === 'teams') {
    io.out(JSON.stringify(renderTeams(answer, { currency, images }), null, 2));
  } else {
    // --json also says which model the data was read with (inferred: what was guessed and why).
    const data = app.data.dataReport();
    io.out(
      values.json
        ? JSON.stringify(data ? { ...answer, data } : answer, null, 2)
        : renderAnswerText(answer, currency),
    );
  }
  if (answer.errorCode) io.setExitCode(1);
}

export { ASK_OPTIONS } from './ask-options.js';
