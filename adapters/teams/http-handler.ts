// POST /api/messages → the Agents SDK: JWT check (CloudAdapter.authorizeRequest), then CloudAdapter.process. Guards
// around the SDK: without an app id only loopback callers get through (nothing else authenticates them) and the JWT
// check is skipped (anonymous turn: replies go to the local Emulator without a token); a request refused before the
// turn starts always answers 401 with a generic body (the SDK echoes the verifier's message); a token issued for
// another serviceUrl is refused too (the SDK would only warn, or answer 400).
import type { TurnContext } from '@microsoft/agents-hosting';
import express from 'express';
import type { TeamsCloudAdapter } from './cloud-adapter.js';
import { isLoopbackRequest } from './loopback.js';

const UNAUTHORIZED = { error: 'unauthorized' };

/** The SDK's view of the response during the JWT check: any refusal becomes our generic 401. */
function authResponse(response: express.Response, refused: () => void) {
  const self = {
    status(_code: number) {
      return self;
    },
    send(_body?: unknown) {
      refused();
      return self;
    },
    setHeader: () => self,
    end: () => self,
    get headersSent() {
      return response.headersSent;
    },
    get writableEnded() {
      return response.writableEnded;
    },
  };
  return self;
}

function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The token names the serviceUrl it was issued for: the activity must point at the same host. */
function serviceUrlMatches(claims: Record<string, unknown>, body: unknown): boolean {
  const claimed = claims.serviceurl ?? claims.serviceUrl;
  if (claimed === undefined) return true;
  const activityUrl = (body as { serviceUrl?: unknown } | undefined)?.serviceUrl;
  if (activityUrl === undefined) return true;
  const a = hostOf(claimed);
  return a !== undefined && a === hostOf(activityUrl);
}

export function createMessagesHandler(
  adapter: TeamsCloudAdapter,
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
      const run = () => {
        // process() answers the request itself (200 + expectReplies body, 400, 500); a rejection is a bug: to express.
        const sdkRequest = request as unknown as Parameters<TeamsCloudAdapter['process']>[0];
        const sdkResponse = response as unknown as Parameters<TeamsCloudAdapter['process']>[1];
        adapter.process(sdkRequest, sdkResponse, logic).catch(next);
      };
      if (!options.authenticated) {
        run();
        return;
      }
      let refused = false;
      let passed = false;
      const refuse = () => {
        refused = true;
        if (!response.headersSent) response.status(401).json(UNAUTHORIZED);
      };
      const sdkRequest = request as unknown as Parameters<TeamsCloudAdapter['authorizeRequest']>[0];
      adapter
        .authorizeRequest(sdkRequest, authResponse(response, refuse) as never, () => {
          if (refused) return;
          passed = true;
          const claims = ((request as unknown as { user?: Record<string, unknown> }).user ?? {}) as Record<
            string,
            unknown
          >;
          if (!serviceUrlMatches(claims, request.body)) {
            refuse();
            return;
          }
          run();
        })
        .then(() => {
          // The SDK refuses by answering, and may answer with no send (a status alone): make sure of the 401.
          if (!refused && !passed) refuse();
        })
        .catch(() => refuse());
    });
  };
}
