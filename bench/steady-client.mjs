// The client side of the conversations run (`npm run bench -- load`), in its own process so that its sockets and
// JSON parsing are not counted in the server's memory: COUNT web questions, each in a conversation of its own, with
// IN_FLIGHT at a time (closed loop), then one JSON line with the duration and the statuses.
// Usage: node bench/steady-client.mjs <base url> <count> <in flight> <conversation prefix> <question>…
const [base, countText, inFlightText, prefix, ...questions] = process.argv.slice(2);
const count = Number(countText);
const inFlight = Number(inFlightText);
const statuses = {};
let busy = 0;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: inFlight }, async () => {
    while (next < count) {
      const i = next++;
      try {
        const response = await fetch(`${base}api/ask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: questions[i % questions.length], conversation: `web:${prefix}-${i}` }),
        });
        const body = await response.json();
        if (body.errorCode === 'BUSY') busy++;
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      } catch {
        statuses[0] = (statuses[0] ?? 0) + 1;
      }
    }
  }),
);
console.log(JSON.stringify({ durationMs: performance.now() - started, statuses, busy }));
