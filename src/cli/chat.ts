// `npm run chat`: a terminal conversation with the agent. One conversation id for the session, so follow-ups
// (« et pour search ? ») build on the previous answer, as in a Slack thread.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { renderAnswerText } from '../../adapters/terminal/render.js';
import type { App } from '../app.js';

export async function chatCommand(app: App): Promise<void> {
  const conversation = `terminal:${randomUUID()}`;
  const lines = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  console.log('Posez une question sur vos campagnes (« aide » pour des exemples, « quitter » pour sortir).');
  try {
    for (;;) {
      let question: string;
      try {
        question = (await lines.question('> ')).trim();
      } catch {
        break; // end of input (Ctrl+D, closed pipe)
      }
      if (/^(quit|exit|quitter|sortir)$/i.test(question)) break;
      if (!question) continue;
      const answer = await app.agent.ask({ conversation, text: question });
      console.log(`\n${renderAnswerText(answer, app.config.currency)}\n`);
    }
  } finally {
    lines.close();
  }
}
