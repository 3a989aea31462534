// Requests are handed to express a few per turn of the event loop. When 1,000 questions arrive at once, their
// sockets become readable together and Node parses and dispatches every one of them in the same poll phase: express
// routing, body parsing, the question pipeline up to the answer line — about 0.3–0.5 ms each, so the event loop
// was held 300–500 ms in one go and /healthz (or a Slack ack) waited behind it. (Pausing new connections does not
// help: they are all resumed long before their data arrives.) Here the `request` listener only queues the request
// (Node has parsed its head; the body waits in the socket's buffer) and `perTurn` queued requests go to express per
// turn (setImmediate), so sockets are read again between two small batches. `priority` requests skip the line:
// /healthz must answer a load balancer at once whatever is queued.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export interface RequestPacer {
  listener: RequestListener;
  /** Requests received but not yet handed to the handler. */
  waiting(): number;
}

export interface RequestPacerOptions {
  /** Requests handed to the handler per turn of the event loop. */
  perTurn: number;
  /** Requests served at once, ahead of the line (cheap ones: health checks). */
  priority?: (request: IncomingMessage) => boolean;
  /** A handler that threw (express never does): its connection is closed, the batch goes on. */
  onError?: (error: unknown) => void;
}

export function createRequestPacer(handler: RequestListener, options: RequestPacerOptions): RequestPacer {
  let queue: [IncomingMessage, ServerResponse][] = [];
  let head = 0;
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    const end = Math.min(queue.length, head + options.perTurn);
    const batch = queue.slice(head, end);
    head = end;
    if (head === queue.length) {
      queue = [];
      head = 0;
    } else schedule();
    for (const [request, response] of batch)
      try {
        handler(request, response);
      } catch (error) {
        response.destroy();
        options.onError?.(error);
      }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // An immediate queued while immediates run waits for the next turn: the poll phase (sockets) runs in between.
    setImmediate(drain);
  };
  return {
    listener(request, response) {
      if (options.priority?.(request)) {
        handler(request, response);
        return;
      }
      queue.push([request, response]);
      schedule();
    },
    waiting: () => queue.length - head,
  };
}
