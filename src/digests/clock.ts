// Time as a dependency: the scheduler, retries and pacing read `now()` and wait with `sleep()`/`setTimer()`,
// so tests drive them with a manual clock (no wall-clock sleeps) and production uses the system clock.
export interface Timer {
  cancel(): void;
}

export interface Clock {
  now(): number;
  /** Calls `fn` once `ms` have passed (on the system clock, long delays are re-armed in steps). */
  setTimer(fn: () => void, ms: number): Timer;
  sleep(ms: number): Promise<void>;
}

// setTimeout overflows above 2^31-1 ms (~24.8 days): a monthly digest would fire at once without this.
const MAX_TIMEOUT_MS = 2_147_000_000;

export function systemClock(): Clock {
  const clock: Clock = {
    now: () => Date.now(),
    setTimer(fn, ms) {
      const due = Date.now() + ms;
      let handle: NodeJS.Timeout;
      const arm = () => {
        const left = due - Date.now();
        handle = setTimeout(left > MAX_TIMEOUT_MS ? arm : fn, Math.max(0, Math.min(left, MAX_TIMEOUT_MS)));
        handle.unref?.(); // a pending digest never keeps a CLI process alive
      };
      arm();
      return { cancel: () => clearTimeout(handle) };
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
  };
  return clock;
}

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
}

export interface ManualClock extends Clock {
  /** Moves time forward to `at`, firing due timers in order and letting the work they start settle. */
  advanceTo(at: number): Promise<void>;
  advance(ms: number): Promise<void>;
  pendingTimers(): number;
}

/** Lets promise chains started by a timer run to their next wait (pure promise work: no real I/O). */
async function settle(): Promise<void> {
  for (let round = 0; round < 10; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

export function manualClock(start: number | string): ManualClock {
  let now = typeof start === 'number' ? start : Date.parse(start);
  let seq = 0;
  let timers: Pending[] = [];
  const next = () =>
    timers.reduce<Pending | undefined>(
      (a, b) => (!a || b.at < a.at || (b.at === a.at && b.seq < a.seq) ? b : a),
      undefined,
    );
  const clock: ManualClock = {
    now: () => now,
    setTimer(fn, ms) {
      const timer = { at: now + Math.max(0, ms), seq: seq++, fn };
      timers.push(timer);
      return {
        cancel: () => {
          timers = timers.filter((t) => t !== timer);
        },
      };
    },
    sleep: (ms) => new Promise((resolve) => clock.setTimer(() => resolve(), ms)),
    async advanceTo(at) {
      await settle();
      for (let timer = next(); timer && timer.at <= at; timer = next()) {
        timers = timers.filter((t) => t !== timer);
        now = Math.max(now, timer.at);
        timer.fn();
        await settle();
      }
      now = Math.max(now, at);
      await settle();
    },
    advance: (ms) => clock.advanceTo(now + ms),
    pendingTimers: () => timers.length,
  };
  return clock;
}
