// A local stand-in for the Bot Framework connector (the `serviceUrl` of Teams activities): records what the bot
// sends (POST /v3/conversations/{id}/activities[/{replyToId}], PUT to update) and can answer the next requests with
// an error (429 with Retry-After, 500…) to exercise retries.
import type { Server } from 'node:http';
import express from 'express';

export interface RecordedActivity {
  conversationId: string;
  /** The id the fake answered with (what the bot knows the message by). */
  id: string;
  replyToId?: string;
  authorization?: string;
  activity: {
    type: string;
    text?: string;
    textFormat?: string;
    attachments?: { contentType: string; content: unknown }[];
    conversation?: { id: string };
    [key: string]: unknown;
  };
}

export interface Failure {
  status: number;
  headers?: Record<string, string>;
  /** Hold the request this long first; with status 200 it is then received normally (a slow connector). */
  hangMs?: number;
  /** Only a request to this conversation takes this failure (others pass it by); any request when unset. */
  conversationId?: string;
}

export interface FakeConnector {
  /** The serviceUrl to put in activities (ends with a slash, like Teams' own). */
  url: string;
  /** Successfully received activities, in order. */
  activities: RecordedActivity[];
  /** Every request that reached an activity route, failed ones included. */
  attempts: { at: number; status: number }[];
  /** The next `count` activity requests (to `failure.conversationId`, if set) answer with this failure. */
  failNext(count: number, failure: Failure): void;
  /** Requests held by a `hangMs` failure right now, and since the last reset. */
  readonly hanging: number;
  readonly hangsStarted: number;
  /** Resolves when `count` activities of the given type have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, type?: string, timeoutMs?: number): Promise<RecordedActivity[]>;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const activities: RecordedActivity[] = [];
  const attempts: { at: number; status: number }[] = [];
  const failures: Failure[] = [];
  let counter = 0;
  let hanging = 0;
  let hangsStarted = 0;
  const web = express();
  web.use(express.json({ limit: '5mb' }));

  async function receive(request: express.Request, response: express.Response, replyToId?: string) {
    const conversationId = String(request.params.conversationId);
    const index = failures.findIndex(
      (item) => !item.conversationId || item.conversationId === conversationId,
    );
    const failure = index >= 0 ? failures.splice(index, 1)[0] : undefined;
    if (failure?.hangMs) {
      hanging += 1;
      hangsStarted += 1;
      await new Promise((resolve) => setTimeout(resolve, failure.hangMs));
      hanging -= 1;
    }
    if (failure && failure.status !== 200) {
      attempts.push({ at: Date.now(), status: failure.status });
      response
        .status(failure.status)
        .set(failure.headers ?? {})
        .json({ error: { code: 'Fake', message: 'scripted' } });
      return;
    }
    attempts.push({ at: Date.now(), status: 200 });
    counter += 1;
    activities.push({
      conversationId,
      id: `sent-${counter}`,
      ...(replyToId ? { replyToId } : {}),
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      activity: request.body,
    });
    response.status(200).json({ id: `sent-${counter}` });
  }

  web.post('/v3/conversations/:conversationId/activities', (request, response) => receive(request, response));
  web.post('/v3/conversations/:conversationId/activities/:activityId', (request, response) =>
    receive(request, response, String(request.params.activityId)),
  );
  web.put('/v3/conversations/:conversationId/activities/:activityId', (_request, response) => {
    response.status(200).json({ id: 'updated' });
  });
  web.use((_request, response) => {
    response.status(404).json({ error: 'not_found' });
  });

  const server = await new Promise<Server>((resolve) => {
    const listening = web.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const matching = (type?: string) => activities.filter((item) => !type || item.activity.type === type);
  return {
    url: `http://127.0.0.1:${port}/`,
    activities,
    attempts,
    get hanging() {
      return hanging;
    },
    get hangsStarted() {
      return hangsStarted;
    },
    failNext(count, failure) {
      for (let index = 0; index < count; index += 1) failures.push(failure);
    },
    async waitFor(count, type, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (matching(type).length < count) {
        if (Date.now() > deadline)
          throw new Error(`fake connector: ${matching(type).length}/${count} ${type ?? ''}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return matching(type);
    },
    reset() {
      activities.length = 0;
      attempts.length = 0;
      failures.length = 0;
      hangsStarted = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
