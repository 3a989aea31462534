// Who trains a revenue model. The bot uses a worker thread (worker-trainer.ts) so a training never blocks the
// event loop of a running bot; tests and one-shot CLI runs can train in-process. Same interface for both.
import type { CampaignDay } from './features.js';
import { type RevenueModel, type RevenueModelOptions, trainRevenueModel } from './revenue-model.js';

export interface TrainRequest {
  rows: CampaignDay[];
  scope: string;
  version: string;
  options?: Partial<RevenueModelOptions>;
}

export interface ModelTrainer {
  readonly kind: 'in-process' | 'worker';
  train(request: TrainRequest): Promise<RevenueModel>;
}

export function createInProcessTrainer(): ModelTrainer {
  return {
    kind: 'in-process',
    train: async (request) =>
      trainRevenueModel(request.rows, { scope: request.scope, version: request.version }, request.options),
  };
}
