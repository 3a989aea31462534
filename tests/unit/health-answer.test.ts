// The health probe's answers (src/app/http/health-probe.ts `healthAnswer`): from the main thread's heartbeat age and
// the main /healthz's last answer.
import { describe, expect, test } from '@jest/globals';
import { type HealthState, healthAnswer, STALL_AFTER_MS } from '../../src/app/http/health-probe.js';

const degraded: HealthState = {
  code: 200,
  body: { status: 'degraded', live: true, ready: true, reasons: ['STATE_DIR not writable (ENOSPC)'] },
};
const at = (ageMs: number, state?: HealthState) => ({
  beatAt: 10_000,
  lagMs: 3,
  now: 10_000 + ageMs,
  stallAfterMs: STALL_AFTER_MS,
  state,
});

describe('healthAnswer', () => {
  test("a fresh heartbeat: /healthz is the main thread's answer (degraded and its reasons kept) plus the heartbeat", () => {
    expect(healthAnswer('/healthz', at(120, degraded))).toEqual({
      code: 200,
      body: { ...degraded.body, heartbeatAgeMs: 120, eventLoopLagMs: 3, stallAfterMs: STALL_AFTER_MS },
    });
    const unavailable: HealthState = { code: 503, body: { status: 'unavailable', live: true, ready: false } };
    expect(healthAnswer('/healthz', at(120, unavailable))).toMatchObject({
      code: 503,
      body: { ready: false },
    });
    expect(healthAnswer('/livez', at(120, unavailable))).toMatchObject({ code: 200, body: { status: 'ok' } });
  });

  test('before the first state: /healthz 503 starting, /livez 200', () => {
    expect(healthAnswer('/healthz', at(0))).toMatchObject({
      code: 503,
      body: { status: 'starting', live: true },
    });
    expect(healthAnswer('/livez', at(0)).code).toBe(200);
  });

  test('a heartbeat older than the threshold: 503 stalled on both paths, whatever the last state said', () => {
    for (const path of ['/healthz', '/livez'])
      expect(healthAnswer(path, at(STALL_AFTER_MS + 1, degraded))).toEqual({
        code: 503,
        body: {
          status: 'stalled',
          live: false,
          ready: false,
          heartbeatAgeMs: STALL_AFTER_MS + 1,
          eventLoopLagMs: 3,
          stallAfterMs: STALL_AFTER_MS,
        },
      });
    expect(healthAnswer('/healthz', at(STALL_AFTER_MS, degraded)).code).toBe(200);
  });

  test('other paths: 404', () => {
    expect(healthAnswer('/', at(10, degraded)).code).toBe(404);
  });
});
