// The health probe's thread (started by health-probe.ts): a bare node:http server on HEALTH_PORT answering
// /healthz and /livez from the main thread's heartbeat (shared memory) and its last posted state. It runs at the
// main thread's priority on purpose (no lowerCurrentThreadPriority here: this thread must win a core when asked).
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { currentThreadId } from '../../core/thread-priority.js';
import {
  type FromHealthWorker,
  type HealthState,
  type HealthWorkerData,
  healthAnswer,
  SLOT,
  type ToHealthWorker,
} from './health-probe.js';

const data = workerData as HealthWorkerData;
const slots = new BigInt64Array(data.shared);
let state: HealthState | undefined;
const post = (message: FromHealthWorker) => parentPort?.postMessage(message);

parentPort?.on('message', (message: ToHealthWorker) => {
  if (message.type === 'state') state = message.state;
  // Asked to stop: no new connection, the open ones closed, then nothing keeps this thread alive.
  if (message.type === 'close') {
    server.close(() => parentPort?.close());
    server.closeAllConnections();
  }
});

const server = createServer((request, response) => {
  try {
    const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
    const answer =
      request.method === 'GET' || request.method === 'HEAD'
        ? healthAnswer(path, {
            beatAt: Number(Atomics.load(slots, SLOT.beatAt)),
            lagMs: Number(Atomics.load(slots, SLOT.lagMs)),
            now: Date.now(),
            stallAfterMs: data.stallAfterMs,
            state,
          })
        : { code: 405, body: { error: 'method_not_allowed' } };
    // The main thread refreshes the state it posts only when the probe is asked.
    Atomics.store(slots, SLOT.asked, 1n);
    const text = JSON.stringify(answer.body);
    response.writeHead(answer.code, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : text);
  } catch {
    if (!response.headersSent) response.writeHead(500);
    response.end();
  }
});
server.keepAliveTimeout = 5000;
server.once('error', (error: NodeJS.ErrnoException) => {
  // The main thread logs it and ends this thread.
  post({ type: 'failed', code: error.code, message: error.message });
});
server.listen({ port: data.port, host: data.host }, () => {
  const address = server.address();
  post({
    type: 'listening',
    port: typeof address === 'object' && address ? address.port : data.port,
    threadId: currentThreadId(),
  });
});
