// The /healthz poller of the overload burst (`npm run bench -- load`): what a load balancer sees. It polls
// /healthz every 50 ms until its stdin closes, then prints one JSON line {health: [ms…], at: [ms since start…], healthFailures,
// maxHeartbeatAgeMs} (the last: the oldest main-thread heartbeat the health probe port reported, when polling it).
// The bench runs one on the main port and, with a health probe port (HEALTH_PORT), one more on it.
// It runs in a process of its own, at the default priority, apart from the burst client (bench/burst-client.mjs):
// the client may run at a lower priority (LOAD_CLIENT_NICE, BENCHMARKS.md `load`) and the poller must not share it,
// and its timings must not include the client's time parsing 1,000 answers (tens of KB each).
// Usage: node bench/healthz-poller.mjs <base url>
const [base] = process.argv.slice(2);
const health = [];
const at = [];
const polling = performance.now();
let healthFailures = 0;
let maxHeartbeatAgeMs;
let done = false;
process.stdin.on('end', () => {
  done = true;
});
process.stdin.resume();
while (!done) {
  const started = performance.now();
  try {
    const response = await fetch(`${base}healthz`);
    const body = await response.json();
    if (typeof body.heartbeatAgeMs === 'number')
      maxHeartbeatAgeMs = Math.max(maxHeartbeatAgeMs ?? 0, body.heartbeatAgeMs);
    if (response.status !== 200) healthFailures++;
  } catch {
    healthFailures++;
  }
  health.push(performance.now() - started);
  at.push(started - polling);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
console.log(JSON.stringify({ health, at, healthFailures, maxHeartbeatAgeMs }));
