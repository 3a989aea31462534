// The terminal conversation's loop, whoever answers (the agent in this process, or a running bot for the CLI).
import { createInterface } from 'node:readline';

/** Reads questions from stdin until « quitter » or the end of input; prints each answer's text. */
export async function chatLoop(answer: (question: string) => Promise<string>): Promise<void> {
  // Iterating the lines (rather than question()) also works with piped input, where lines arrive at once.
  const lines = createInterface({ input: process.stdin, terminal: false });
  console.log('Posez une question sur vos campagnes (« aide » pour des exemples, « quitter » pour sortir).');
  process.stdout.write('> ');
  try {
    for await (const line of lines) {
      const question = line.trim();
      if (/^(quit|exit|quitter|sortir)$/i.test(question)) break;
      if (question) console.log(`\n${(await answer(question)).trimEnd()}\n`);
      process.stdout.write('> ');
    }
  } finally {
    lines.close();
  }
}
