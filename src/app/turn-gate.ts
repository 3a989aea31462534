// Hands work back to the event loop one piece per turn. Answers finish in batches: every audit entry appended during
// one disk write is written by the next (src/app/audit.ts), so when 500 questions of a burst are turned away « busy »
// at once, their 500 callers resume in the same microtask run, and each renders its card and writes its JSON reply
// before anything else runs: the event loop was held 300–450 ms and /healthz (or a Slack ack) waited behind it.
// `await gate.pass()` lets one waiter go per turn of the event loop (setImmediate), so sockets are read between
// two replies. A lone caller waits one turn (well under a millisecond on an idle loop).

export interface TurnGate {
  /** Resolves on a later turn of the event loop, at most one waiter per turn, in arrival order. */
  pass(): Promise<void>;
  /** Callers waiting for their turn. */
  waiting(): number;
}

export function createTurnGate(): TurnGate {
  let queue: (() => void)[] = [];
  let head = 0;
  let scheduled = false;
  const release = () => {
    scheduled = false;
    const next = queue[head];
    if (!next) return;
    queue[head++] = undefined as unknown as () => void;
    if (head === queue.length) {
      queue = [];
      head = 0;
    } else schedule();
    next();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // An immediate queued while immediates run waits for the next turn: the poll phase (sockets) runs in between.
    setImmediate(release);
  };
  return {
    pass: () =>
      new Promise<void>((resolve) => {
        queue.push(resolve);
        schedule();
      }),
    waiting: () => queue.length - head,
  };
}
