// The client side of the overload burst (`npm run bench -- load`), in its own process so that its 1,000 sockets
// and JSON parsing do not share the server's event loop or memory: sends COUNT web questions at once to
// POST /api/ask (distinct conversation ids) while polling /healthz every 50 ms, then prints one JSON line.
// The poller runs in a worker thread of its own: on the main thread its timings included the time this process
// spent parsing the 1,000 answers (tens of KB each), i.e. it measured the client, not the server.
// Usage: node bench/burst-client.mjs <base url> <count> <question>…
import { Worker } from 'node:worker_threads';

const [base, countText, ...questions] = process.argv.slice(2);
const count = Number(countText);
const pollerCode = `
const { parentPort, workerData } = require('node:worker_threads');
const health = [];
let healthFailures = 0;
let done = false;
parentPort.on('message', () => { done = true; });
(async () => {
  while (!done) {
    const started = performance.now();
    try {
      const response = await fetch(workerData + 'healthz');
      await response.json();
      if (response.status !== 200) healthFailures++;
    } catch {
      healthFailures++;
    }
    health.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  parentPort.postMessage({ health, healthFailures });
})();
`;
const poller = new Worker(pollerCode, { eval: true, workerData: base });
const polled = new Promise((resolve) => poller.once('message', resolve));
const started = performance.now();
const results = await Promise.all(
  Array.from({ length: count }, async (_, i) => {
    const sent = performance.now();
    try {
      const response = await fetch(`${base}api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: questions[i % questions.length], conversation: `web:burst-${i}` }),
      });
      const body = await response.json();
      return { status: response.status, errorCode: body.errorCode, ms: performance.now() - sent };
    } catch {
      return { status: 0, ms: performance.now() - sent };
    }
  }),
);
const durationMs = performance.now() - started;
poller.postMessage('stop');
const { health, healthFailures } = await polled;
await poller.terminate();
console.log(JSON.stringify({ durationMs, results, health, healthFailures }));
