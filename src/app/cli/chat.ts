// `npm run chat`: a terminal conversation with the agent. One conversation id for the session, so follow-ups
// (« et pour search ? ») build on the previous answer, as in a Slack thread.
import { randomUUID } from 'node:crypto';
import { renderAnswerText } from '../../../adapters/terminal/render.js';
import type { App } from '../app.js';
import { cliAsker } from './asker.js';
import { chatLoop } from './chat-loop.js';

export async function chatCommand(app: App): Promise<void> {
  const conversation = `terminal:${randomUUID()}`;
  const user = cliAsker();
  await chatLoop(async (text) => {
    const answer = await app.agent.ask({ conversation, text, surface: 'cli', user });
    return renderAnswerText(answer, app.config.currency);
  });
}
