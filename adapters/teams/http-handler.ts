// POST /api/messages → CloudAdapter.process. Two guards around the SDK: without an app id only loopback callers get
// through (nothing else authenticates them), and a request refused before the turn starts always answers 401 with a
// generic body: the SDK reports some bad tokens (a forged signature) as 500 and echoes the verifier's message.
import type { CloudAdapter, TurnContext } from 'botbuilder';
import express from 'express';
import { isLoopbackRequest } from './loopback.js';

const UNAUTHORIZED = { error: 'unauthorized' };

/** The SDK's view of the response, translating failures that happen before the bot's logic runs. */
function guardedResponse(response: express.Response, turnStarted: () => boolean, authenticated: boolean) {
  let refused = false;
  return {
    socket: response.socket,
    header: (name: string, value: unknown) => response.header(name, String(value)),
    status(code: number) {
      // 400 (no activity type, no body) stays a 400; any other failure before the turn is the caller's credentials.
      refused = authenticated && code >= 401 && !turnStarted();
      response.status(refused ? 401 : code);
      return this;
    },
    send(body?: unknown) {
      if (refused) response.json(UNAUTHORIZED);
      else response.send(body);
      return this;
    },
    end() {
      if (!response.writableEnded) response.end();
      return this;
    },
  };
}

export function createMessagesHandler(
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  options: { authenticated: boolean },
): express.RequestHandler {
  const json = express.json({ limit: '1mb' });
  return (request, response, next) => {
    if (!options.authenticated && !isLoopbackRequest(request)) {
      response.status(401).json(UNAUTHORIZED);
      return;
    }
    json(request, response, (error?: unknown) => {
      if (error) {
        next(error);
        return;
      }
      let started = false;
      const turn = async (context: TurnContext) => {
        started = true;
        await logic(context);
      };
      // process() answers the request itself (200 + expectReplies body, 401, 500); a rejection is a bug: to express.
      adapter
        .process(
          request,
          guardedResponse(response, () => started, options.authenticated),
          turn,
        )
        .catch(next);
    });
  };
}
