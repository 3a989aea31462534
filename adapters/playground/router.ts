// The local web chat (the embedded default): a page that talks to the same agent as Slack and Teams and shows
// each answer as the real Adaptive Card the Teams adapter would send, with the Slack Block Kit JSON and the
// provenance one click away. POST /api/ask is the API behind it.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Answer } from '../../src/core/answer.js';
import type { Logger } from '../../src/core/logger.js';
import type { Question } from '../../src/core/question.js';
import { renderSlack } from '../slack/render.js';
import { renderTeams } from '../teams/render.js';

export interface PlaygroundDeps {
  ask(question: Question): Promise<Answer>;
  /** Renders the answer's charts on the server and returns the URL of each PNG by chart id. */
  renderCharts(answer: Answer): Promise<Record<string, { url: string }>>;
  recordFeedback?(feedback: { conversation: string; answerId: string; value: 'up' | 'down' }): Promise<void>;
  currency: string;
  logger: Logger;
  /**
   * Whether this client address may ask now (rate limits per address and for all clients: the conversation id is
   * the client's own choice, so it cannot be the only key). A refusal is HTTP 429 with its French message.
   */
  admit?(
    clientAddress: string,
  ): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number; message: string }>;
}

const WEB_CONVERSATION = /^web:[A-Za-z0-9._-]{1,100}$/;

const askBody = z.object({
  text: z.string().max(20_000),
  conversation: z
    .string()
    // Only web-chat conversations: a page must not reach a Slack thread's memory or a channel's digests.
    .regex(WEB_CONVERSATION)
    .optional(),
});

const feedbackBody = z.object({
  conversation: z.string().regex(WEB_CONVERSATION),
  answerId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  value: z.enum(['up', 'down']),
});

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');
// Microsoft's renderer from our own node_modules: the page never loads anything from a CDN.
const ADAPTIVE_CARDS_JS = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

function sendFile(type: string, path: string) {
  const body = readFileSync(path);
  return (_request: express.Request, response: express.Response) => {
    response.type(type).set('cache-control', 'no-cache').send(body);
  };
}

export function createPlaygroundRouter(deps: PlaygroundDeps): Router {
  const router = express.Router();
  router.get('/', sendFile('html', join(PUBLIC_DIR, 'index.html')));
  router.get('/static/app.js', sendFile('js', join(PUBLIC_DIR, 'app.js')));
  router.get('/static/style.css', sendFile('css', join(PUBLIC_DIR, 'style.css')));
  router.get('/vendor/adaptivecards.min.js', sendFile('js', ADAPTIVE_CARDS_JS));

  const admitted: express.RequestHandler = (request, response, next) => {
    if (!deps.admit) return next();
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    deps.admit(address).then((decision) => {
      if (decision.allowed) return next();
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      response
        .status(429)
        .set('retry-after', String(seconds))
        .json({ error: decision.message, retryAfterSeconds: seconds });
    }, next);
  };

  router.post('/api/ask', admitted, express.json({ limit: '64kb' }), async (request, response) => {
    const parsed = askBody.safeParse(request.body);
    if (!parsed.success) {
      response
        .status(400)
        .json({ error: 'Requête invalide : envoyez {"text": "votre question", "conversation"?: "id"}.' });
      return;
    }
    const conversation = parsed.data.conversation ?? `web:${randomUUID()}`;
    // The web chat has no login: its conversation id is the closest thing to a user (audit, rate limit).
    const user = { id: conversation.startsWith('web:') ? conversation : `web:${conversation}` };
    const answer = await deps.ask({ conversation, text: parsed.data.text, surface: 'web', user });
    const answerId = randomUUID();
    let images: Record<string, { url: string }> = {};
    try {
      images = await deps.renderCharts(answer);
    } catch (error) {
      deps.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'chart rendering failed; card sent without chart',
      );
    }
    response.json({
      ...answer,
      conversation,
      answerId,
      chartUrls: images,
      cards: {
        teams: renderTeams(answer, { currency: deps.currency, images, answerId }),
        slack: renderSlack(answer, {
          currency: deps.currency,
          images: Object.fromEntries(
            Object.entries(images).map(([id, image]) => [id, { imageUrl: image.url }]),
          ),
          answerId,
        }),
      },
    });
  });

  router.post('/api/feedback', express.json({ limit: '4kb' }), async (request, response) => {
    const parsed = feedbackBody.safeParse(request.body);
    if (!parsed.success) {
      response.status(400).json({ error: 'Retour invalide.' });
      return;
    }
    await deps.recordFeedback?.(parsed.data);
    deps.logger.info({ answerId: parsed.data.answerId, value: parsed.data.value }, 'feedback');
    response.json({ ok: true, text: 'Merci pour votre retour !' });
  });
  return router;
}
