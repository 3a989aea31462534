// The client side of the overload burst (`npm run bench -- load`), in its own process so that its 1,000 sockets
// and JSON parsing do not share the server's event loop or memory: sends COUNT web questions at once to
// POST /api/ask (distinct conversation ids), then prints one JSON line. /healthz is polled meanwhile by another
// process (bench/healthz-poller.mjs), so that this one may run at a lower priority without slowing the poller.
// Usage: node bench/burst-client.mjs <base url> <count> <question>…
const [base, countText, ...questions] = process.argv.slice(2);
const count = Number(countText);
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
console.log(JSON.stringify({ durationMs, results }));
