// `npm run chat`: a terminal conversation with the agent. One conversation id for the session, so follow-ups
// (« et pour search ? ») build on the previous answer, as in a Slack thread.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { renderAnswerText } from '../../../adapters/terminal/render.js';
import type { App } from '../app.js';
import { cliAsker } from './asker.js';

export async function chatCommand(app: App): Promise<void> {
  const conversation = `terminal:${randomUUID()}`;
  const user = cliAsker();
  // Iterating the lines (rather than question()) also works with piped input, where lines arrive at once.
  const lines = createInterface({ input: process.stdin, terminal: false });
  console.log('Posez une question sur vos campagnes (« aide » pour des exemples, « quitter » pour sortir).');
  process.stdout.write('> ');
  try {
    for await (const line of lines) {
      const question = line.trim();
      if (/^(quit|exit|quitter|sortir)$/i.test(question)) break;
      if (question) {
        const answer = await app.agent.ask({ conversation, text: question, surface: 'cli', user });
        console.log(`\n${renderAnswerText(answer, app.config.currency)}\n`);
      }
      process.stdout.write('> ');
    }
  } finally {
    lines.close();
  }
}
