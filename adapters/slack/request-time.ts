// Bolt refuses requests whose timestamp is more than 5 minutes old, but not ones from the future: a captured
// request signed with a timestamp an hour ahead could be replayed for an hour. This middleware, mounted before
// Bolt's receiver, refuses a timestamp more than 5 minutes ahead of the clock (401, like a bad signature).
import type { NextFunction, Request, Response } from 'express';

export const MAX_CLOCK_SKEW_S = 5 * 60;

export function refuseFutureTimestamps(now: () => number = Date.now) {
  return (request: Request, response: Response, next: NextFunction) => {
    const header = request.headers['x-slack-request-timestamp'];
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    if (Number.isFinite(timestamp) && timestamp > now() / 1000 + MAX_CLOCK_SKEW_S) {
      response.status(401).send('request timestamp is in the future');
      return;
    }
    next();
  };
}
