// Training in a worker thread (the bot's path): the worker bootstraps tsx itself, so it runs the TypeScript
// entry even from jest; the model that comes back predicts exactly like one trained in-process. A worker that
// cannot start falls back to in-process training, or fails with an AppError when fallback is off.
import { describe, expect, jest, test } from '@jest/globals';
import { datasetVersion } from '../../src/ml/features.js';
import { predictRevenue } from '../../src/ml/revenue-model.js';
import { createInProcessTrainer } from '../../src/ml/trainer.js';
import { createWorkerTrainer } from '../../src/ml/worker-trainer.js';
import { sampleCampaignDays } from '../fixtures/ml-rows.js';

const rows = sampleCampaignDays();
const request = { rows, scope: 'all', version: datasetVersion(rows), options: { forest: { trees: 30 } } };

describe('createWorkerTrainer', () => {
  test('trains in a worker thread and returns the same model as in-process training', async () => {
    const onFallback = jest.fn();
    const trainer = createWorkerTrainer({ fallback: false, onFallback });
    expect(trainer.kind).toBe('worker');
    const fromWorker = await trainer.train(request);
    const inProcess = await createInProcessTrainer().train(request);
    expect(onFallback).not.toHaveBeenCalled();
    expect(fromWorker.forest.trees).toHaveLength(30);
    expect(fromWorker.holdout).toEqual(inProcess.holdout);
    for (const budget of [500, 5000, 50_000])
      expect(predictRevenue(fromWorker, { budget })).toEqual(predictRevenue(inProcess, { budget }));
  });

  test('an AppError raised in the worker keeps its code', async () => {
    const trainer = createWorkerTrainer({ fallback: false });
    await expect(trainer.train({ ...request, rows: rows.slice(0, 3) })).rejects.toMatchObject({
      code: 'INSUFFICIENT_DATA',
    });
  });

  test('a worker that cannot start falls back to in-process training (or fails when fallback is off)', async () => {
    const entry = new URL('./no-such-worker.js', import.meta.url);
    const onFallback = jest.fn();
    const model = await createWorkerTrainer({ entry, onFallback }).train(request);
    expect(model.trainedRows).toBe(rows.length);
    expect(onFallback).toHaveBeenCalledTimes(1);
    await expect(createWorkerTrainer({ entry, fallback: false }).train(request)).rejects.toMatchObject({
      code: 'INTERNAL',
    });
  });
});
