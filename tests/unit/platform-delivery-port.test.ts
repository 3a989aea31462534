// How a platform's failure to post becomes a digest DeliveryError: what may be retried and what must not be.
// A post the platform never confirmed (PLATFORM_TIMEOUT) may have arrived, so retrying it could post twice.
import { describe, expect, test } from '@jest/globals';
import { deliveryPortOf } from '../../src/core/delivery-port.js';
import { AppError } from '../../src/core/errors.js';
import { DeliveryError, isRetryable } from '../../src/digests/delivery.js';
import { answerFixture } from '../fixtures/answers/index.js';

async function failureOf(thrown: unknown): Promise<DeliveryError> {
  const port = deliveryPortOf(async () => {
    throw thrown;
  });
  const error = await port
    .post('teams:19:c@thread.tacv2', answerFixture('ranking'), { idempotencyKey: 'k' })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('deliveryPortOf', () => {
  test.each([
    ['PLATFORM_TIMEOUT', 'the post may have arrived'],
    ['INVALID_ARGUMENTS', 'no conversation reference'],
    ['CONFIG_INVALID', 'bad configuration'],
  ] as const)('%s is permanent (%s): not retried', async (code, message) => {
    const error = await failureOf(new AppError(code, message));
    expect(error.permanent).toBe(true);
    expect(isRetryable(error)).toBe(false);
    expect(error.message).toMatch(new RegExp(`^${code}: `));
  });

  test.each([
    ['a network error', new Error('connect ECONNREFUSED 127.0.0.1:9')],
    ['an unavailable platform', new AppError('WAREHOUSE_UNAVAILABLE', 'down')],
  ])('%s is retried', async (_label, thrown) => {
    const error = await failureOf(thrown);
    expect(error.permanent).toBe(false);
    expect(isRetryable(error)).toBe(true);
  });

  test('a post that succeeds passes the idempotency key through', async () => {
    const keys: string[] = [];
    const port = deliveryPortOf(async (_target, _answer, key) => {
      keys.push(key);
    });
    await port.post('slack:T1:C1', answerFixture('ranking'), { idempotencyKey: 'digest:1:2026-11-24' });
    expect(keys).toEqual(['digest:1:2026-11-24']);
  });
});
