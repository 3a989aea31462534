// The agent on worker threads (AGENT_WORKERS ≥ 1): the bot's thread keeps HTTP, Slack acks, DuckDB, the ML workers
// and the state store, and hands each question to a worker that plans and composes its answer
// (src/app/agent-worker.ts). A conversation always goes to the same worker (its memory lives there). The worker's
// calls back (warehouse queries, ML, digests) are answered here. A worker that dies (a crash, out of memory) turns
// the questions it held into a short French error answer, and the next question starts a new one: the process
// keeps running. Same `Agent` interface as the in-process agent, and like it never throws.
import { Worker } from 'node:worker_threads';
import type { DigestAdmin } from '../../agent/nodes/deps.js';
import type { ToolContext } from '../analysis/tools/types.js';
import type { Agent } from '../core/agent.js';
import type { Answer } from '../core/answer.js';
import { errorAnswer } from '../core/error-answer.js';
import { AppError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Question } from '../core/question.js';
import type { FromWorker, HostMethod, ToWorker } from './agent-rpc.js';
import { toWire } from './agent-rpc.js';
import type { AgentWorkerData } from './agent-worker.js';

export interface WorkerAgentOptions {
  workers: number;
  /** What each worker builds its agent from (settings, currency, log level, secrets to mask). */
  workerData: Omit<AgentWorkerData, 'ml' | 'digests' | 'warehouseKind' | 'currency'>;
  /** The worker's module (default: agent-worker next to this file, through tsx when running the .ts). */
  entry?: URL;
}

export interface WorkerAgentDeps {
  tools: ToolContext;
  digests?: DigestAdmin;
  logger: Logger;
}

/** Which worker answers a conversation: always the same one (FNV-1a of its id). */
export function workerFor(conversation: string, workers: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < conversation.length; i++) {
    hash ^= conversation.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % workers;
}

interface Slot {
  worker: Worker;
  pending: Map<number, (answer: Answer) => void>;
  closed?: Promise<void>;
}

export function createWorkerAgent(options: WorkerAgentOptions, deps: WorkerAgentDeps): Agent {
  const isTypeScript = import.meta.url.endsWith('.ts');
  const entry =
    options.entry ?? new URL(isTypeScript ? './agent-worker.ts' : './agent-worker.js', import.meta.url);
  // Node 20 workers do not inherit tsx's hooks: under tsx (dev, tests, bench) a bootstrap registers them first.
  const bootstrap = entry.pathname.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
      `.then(async (tsx) => { tsx.register(); await import(${JSON.stringify(entry.href)}); })`
    : undefined;
  const data: AgentWorkerData = {
    ...options.workerData,
    currency: deps.tools.currency,
    warehouseKind: deps.tools.warehouse.kind,
    ml: deps.tools.ml !== undefined,
    digests: deps.digests !== undefined,
  };
  const slots: (Slot | undefined)[] = Array.from({ length: Math.max(1, options.workers) }, () => undefined);
  const catalogs: (Promise<unknown> | undefined)[] = slots.map(() => undefined);
  let nextId = 0;
  let closing = false;

  const host: Record<HostMethod, (...args: never[]) => Promise<unknown>> = {
    'warehouse.select': (statement: Parameters<ToolContext['warehouse']['select']>[0]) =>
      deps.tools.warehouse.select(statement),
    'ml.predictRevenue': (args: never) => mlOf().predictRevenue(args),
    'ml.simulateBudget': (args: never) => mlOf().simulateBudget(args),
    'ml.segmentCampaigns': (args: never) => mlOf().segmentCampaigns(args),
    'digests.add': async (input: never) => {
      const view = await digestsOf().add(input);
      return [view, digestsOf().nextRun(view.id)];
    },
    'digests.list': (target: never) => digestsOf().list(target),
    'digests.remove': (id: never, removeOptions: never) => digestsOf().remove(id, removeOptions),
  };
  function mlOf() {
    if (!deps.tools.ml) throw new AppError('NOT_IMPLEMENTED', 'no ML service');
    return deps.tools.ml;
  }
  function digestsOf() {
    if (!deps.digests) throw new AppError('NOT_IMPLEMENTED', 'no digest service');
    return deps.digests;
  }

  function start(index: number): Slot {
    const worker = bootstrap
      ? new Worker(bootstrap, { eval: true, workerData: data })
      : new Worker(entry, { workerData: data });
    const slot: Slot = { worker, pending: new Map() };
    const send = (message: ToWorker) => worker.postMessage(message);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'answer') {
        const resolve = slot.pending.get(message.id);
        slot.pending.delete(message.id);
        resolve?.(message.answer);
      } else if (message.type === 'call') {
        const method = host[message.method];
        Promise.resolve()
          .then(() => (method as (...args: unknown[]) => Promise<unknown>)(...message.args))
          .then(
            (value) => send({ type: 'result', id: message.id, ok: true, value }),
            (error: unknown) => send({ type: 'result', id: message.id, ok: false, error: toWire(error) }),
          );
      }
    });
    const fail = (error: unknown) => {
      if (slots[index] === slot) {
        slots[index] = undefined;
        catalogs[index] = undefined;
      }
      if (!closing || slot.pending.size > 0)
        deps.logger.error({ err: String(error), questions: slot.pending.size }, 'agent worker stopped');
      const answer = errorAnswer(new AppError('INTERNAL', `agent worker stopped: ${String(error)}`));
      for (const resolve of slot.pending.values()) resolve(answer);
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`agent worker exited with code ${code}`)));
    slots[index] = slot;
    return slot;
  }

  return {
    ask(question: Question): Promise<Answer> {
      if (closing) return Promise.resolve(errorAnswer(new AppError('INTERNAL', 'agent closed')));
      const index = workerFor(question.conversation, slots.length);
      const slot = slots[index] ?? start(index);
      // The data was reloaded since this worker last asked (the catalog provider's cached read changed).
      const current = deps.tools.catalog.get();
      if (catalogs[index] !== undefined && catalogs[index] !== current)
        slot.worker.postMessage({ type: 'invalidate' });
      catalogs[index] = current;
      current.catch(() => undefined);
      const id = nextId++;
      return new Promise<Answer>((resolve) => {
        slot.pending.set(id, resolve);
        slot.worker.postMessage({ type: 'ask', id, question } satisfies ToWorker);
      });
    },
    async close() {
      closing = true;
      await Promise.all(
        slots.map(async (slot) => {
          if (!slot) return;
          slot.closed ??= new Promise<void>((resolve) => {
            slot.worker.once('exit', () => resolve());
            slot.worker.on('message', (message: FromWorker) => {
              if (message.type === 'closed') void slot.worker.terminate();
            });
            slot.worker.postMessage({ type: 'close' } satisfies ToWorker);
          });
          await slot.closed;
        }),
      );
    },
  };
}
