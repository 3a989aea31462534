// An agent worker: the LangGraph agent (offline planner, tools, composer, conversation memory) on a thread of its
// own, so planning and composing answers do not hold the bot's event loop (/healthz, Slack acks, HTTP). The tools
// reach the warehouse, the ML simulators and the digest subscriptions through calls back to the bot's thread
// (src/app/agent-rpc.ts); the catalog is read through those calls and cached here until the data is reloaded.
// Started by src/app/agent-host.ts with its settings as workerData.
import { parentPort, workerData } from 'node:worker_threads';
import { type BotAgentSettings, createBotAgent } from '../../agent/create-bot-agent.js';
import type { DigestAdmin } from '../../agent/nodes/deps.js';
import type { ToolContext } from '../analysis/tools/types.js';
import { errorAnswer } from '../core/error-answer.js';
import { createLogger, type LogFormat } from '../core/logger.js';
import { createSecretMask } from '../core/secrets.js';
import { lowerCurrentThreadPriority } from '../core/thread-priority.js';
import type { MlService } from '../ml/service.js';
import { createCatalogProvider } from '../warehouse/catalog.js';
import type { WarehouseKind } from '../warehouse/port.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { type FromWorker, fromWire, type HostMethod, type ToWorker } from './agent-rpc.js';

export interface AgentWorkerData {
  settings: BotAgentSettings;
  currency: string;
  warehouseKind: WarehouseKind;
  ml: boolean;
  digests: boolean;
  log: { level: string; format?: LogFormat };
  secrets: (string | undefined)[];
  /** The nice value this worker runs at (BACKGROUND_THREAD_NICE, src/core/thread-priority.ts); 0 when unset. */
  threadNice?: number;
}

const port = parentPort;
if (!port) throw new Error('agent-worker.ts runs in a worker thread');
const data = workerData as AgentWorkerData;
// Planning and composing yield the cores to the bot's main thread, which serves HTTP, /healthz and Slack acks: it
// preempts this one as soon as a request comes in. Not Linux (or refused): answered all the same, at its priority.
lowerCurrentThreadPriority(data.threadNice ?? 0);
const post = (message: FromWorker) => port.postMessage(message);

let nextCall = 0;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
function call<T>(method: HostMethod, ...args: unknown[]): Promise<T> {
  const id = nextCall++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    post({ type: 'call', id, method, args });
  });
}

const warehouse: Warehouse = {
  kind: data.warehouseKind,
  select: (statement) => call('warehouse.select', statement),
  // Maintenance (loads, KPI builds) belongs to the bot's thread; the agent never asks for it.
  maintain: () => Promise.reject(new Error('maintenance statements are not run from an agent worker')),
  close: async () => undefined,
};
const catalog = createCatalogProvider(warehouse);
const ml: MlService = {
  predictRevenue: (args) => call('ml.predictRevenue', args),
  simulateBudget: (args) => call('ml.simulateBudget', args),
  segmentCampaigns: (args) => call('ml.segmentCampaigns', args),
  model: () => Promise.reject(new Error('the revenue model stays on the bot thread')),
};
const nextRuns = new Map<string, number | undefined>();
const digests: DigestAdmin = {
  add: async (input) => {
    const [view, next] = await call<[Awaited<ReturnType<DigestAdmin['add']>>, number | undefined]>(
      'digests.add',
      input,
    );
    nextRuns.set(view.id, next);
    return view;
  },
  list: (target) => call('digests.list', target),
  remove: (id, options) => call('digests.remove', id, options),
  // Known for the digests this worker just added (the answer to « ajoute un digest » names the next slot).
  nextRun: (id) => nextRuns.get(id),
};
const tools: ToolContext = {
  warehouse,
  catalog,
  currency: data.currency,
  ...(data.ml ? { ml } : {}),
};
const logger = createLogger({ level: data.log.level, format: data.log.format, secrets: data.secrets });
const agent = createBotAgent(data.settings, {
  tools,
  logger,
  ...(data.digests ? { digests } : {}),
  scrub: createSecretMask(data.secrets),
});

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'ask':
      agent.ask(message.question).then(
        (answer) => post({ type: 'answer', id: message.id, answer }),
        (error: unknown) => post({ type: 'answer', id: message.id, answer: errorAnswer(error) }),
      );
      return;
    case 'invalidate':
      catalog.invalidate();
      return;
    case 'close':
      void (agent.close?.() ?? Promise.resolve())
        .catch((error: unknown) => logger.error({ err: String(error) }, 'agent worker: memory not written'))
        .then(() => post({ type: 'closed' }));
      return;
    case 'result': {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) pending?.resolve(message.value);
      else pending?.reject(fromWire(message.error));
      return;
    }
  }
});
