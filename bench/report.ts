// BENCHMARKS.md, written by `npm run bench` (every suite) or `npm run bench -- --write SUITE…`: the machine, then
// each suite's own printed figures, its verdict against the targets, and how to reproduce it. Generated,
// so the figures in the file are always ones this code printed on this machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface SuiteReport {
  name: string;
  /** What the suite printed (its tables), captured while it ran. */
  text: string;
  pass: boolean | undefined;
}

const NOTES: Record<string, string> = {
  warehouse:
    'A generated CSV export (`--rows N`, default 1,000,000; 100,000 campaigns; channel, placement and device) loaded ' +
    'into a DuckDB FILE database, as the server does. Load + KPI build: the bot (semantic model, typed read, one-scan ' +
    'plausibility checks) against plain DuckDB `read_csv` + the same KPI SQL, each in its own process, interleaved, ' +
    'median of 3. Tool queries: the full tool path (zod, catalog, guard, driver) on that file; the Databricks column is ' +
    'the real `@databricks/sql` 2.0.0 driver over Thrift/HTTP to the local test server backed by the same DuckDB ' +
    '(driver and protocol overhead, not a real SQL warehouse). The machine is shared (other jobs run on its 2 cores): ' +
    'wall times vary run to run; CPU times are steadier. Targets (issue 15): load + KPI build ≤ 1.3× plain; each tool ' +
    'query p95 ≤ 150 ms; name resolution ≤ 5 ms at 100k names; segmentation ≤ 2 s at 10k campaigns and never on the ' +
    'event loop; peak RSS ≤ 1.1× plain.',
  ml:
    'Our histogram random forest (`src/ml/forest.ts`) against `ml-random-forest` and scikit-learn (Debian ' +
    '`python3-sklearn` at /usr/bin/python3; the column is skipped when absent). Targets: training 10,000 rows ≤ 10 s, ' +
    'a cached simulation ≤ 100 ms, R² within 0.03 of scikit-learn.',
  agent:
    'Every golden question through the whole offline agent on the bundled data (after one warm-up pass that trains ' +
    'the models), and LLM calls per question with ChatOpenAI against a local fake server. Targets: median ≤ 100 ms, ' +
    'p95 ≤ 250 ms, ≤ 2 LLM calls per question, ≤ 1 when the offline planner is confident.',
  startup:
    'The compiled server (`node dist/server/main.js serve`, what `npm start` runs once dist/ is built) launched on ' +
    'a fresh database (cold: load + KPI build), then restarted (warm), until /healthz is ready; a bare `node -e` ' +
    'and `npm start` itself timed in the same run. Target: warm start ≤ 1 s.',
  slack:
    'Signed events against the real Bolt app while a slow fake agent is busy (fake Web API in a child process), and ' +
    'time to the final answer for the golden questions. Target: ack p99 ≤ 50 ms.',
  load:
    'Signed Slack events (retried deliveries, a third hostile) and web-chat questions against the whole app on ' +
    'loopback, open loop: 1,000 + 300 at 20 events/s (below capacity), then a burst of 400 + 120 at 100 events/s ' +
    '(about four times capacity: questions wait in line, ANSWER_CONCURRENCY at a time). Answer latency is from the ' +
    'event POST to the answer written in Slack (or the web reply). Target: every delivery acked < 3 s, every ' +
    'question answered exactly once. Then (issue 19) 1,000 web questions at once from another process (at nice 10: ' +
    '`LOAD_CLIENT_NICE`, see below) while a third process, at the default priority, polls /healthz every 50 ms and ' +
    'a fourth the health probe port (HEALTH_PORT, its own thread; `LOAD_HEALTH_PORT=0` = off): /healthz p99 ≤ 50 ms ' +
    'on the health port (on the main port when it is off), RSS ≤ 600 MB, every question answered ' +
    'or told « busy ». Then (issue 18, in a process of its own so RSS is theirs alone) 5,000 web questions in 5,000 ' +
    'conversations, 8 in flight: RSS ≤ 400 MB 10 s after the last; and answers/s with a full audit log (20,000 ' +
    'entries) against a fresh one, both served at once, 5 rounds of 300 questions each: median ratio ≥ 0.95. The machine is ' +
    'shared (2 cores; the load average is printed): latencies and rates move with it, ratios within a run do less.',
  charts:
    'Each chart kind rendered 30 times after a warm-up (vega-lite → SVG → sharp PNG at 2×). Sensitive to machine ' +
    'load: the CPU time per render is the steadier figure. Target: median ≤ 50 ms per kind. Then 60 charts two at a ' +
    "time drawn in-process and through the worker pool the app uses, with the event loop's delay while they draw.",
};

function machine(): string {
  const cpu = cpus();
  return [
    `- CPU: ${cpu.length} × ${cpu[0]?.model ?? 'unknown'}`,
    `- Memory: ${Math.round(totalmem() / 2 ** 30)} GiB; load average at the end: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
    `- Node ${process.version}; written ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  ].join('\n');
}

function section(report: SuiteReport): string {
  const verdict =
    report.pass === undefined ? '' : `\n\nVerdict against the targets: **${report.pass ? 'PASS' : 'FAIL'}**.`;
  const body = report.text.trim() ? `\`\`\`text\n${report.text.trim()}\n\`\`\`` : '(no output)';
  return `## ${report.name}\n\nReproduce: \`npm run bench -- ${report.name}\`. ${NOTES[report.name] ?? ''}\n\n${body}${verdict}`.replace(
    /\s+$/,
    '',
  );
}

/** Writes BENCHMARKS.md; suites not run this time keep their previous section. */
export function writeReport(path: string, reports: SuiteReport[], order: string[]): void {
  let old = '';
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    // first report
  }
  const previous = new Map<string, string>();
  for (const match of old.matchAll(/^## (\S+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm))
    previous.set(match[1]!, `## ${match[1]}\n${match[2]!.trimEnd()}`);
  const byName = new Map(reports.map((report) => [report.name, report]));
  const sections = order
    .map((name) => {
      const report = byName.get(name);
      return report ? section(report) : previous.get(name);
    })
    .filter((text): text is string => Boolean(text));
  const header =
    '# Benchmarks\n\nWritten by `npm run bench` (all suites) or `npm run bench -- --write SUITE…` on this machine; ' +
    'each section is what the suite printed. Re-run after changing the SQL, the drivers, the agent, the charts or an adapter.\n\n' +
    machine();
  writeFileSync(path, `${header}\n\n${sections.join('\n\n')}\n`);
}
