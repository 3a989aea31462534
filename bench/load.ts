// `npm run bench -- load`: the whole app on loopback (Slack on against the in-process fake Web API, the web chat)
// under larger mixed waves than the test's: 1,000 signed Slack mentions (many channels and threads, retried
// deliveries, hostile texts) and 300 web-chat questions below capacity, then a burst of 400 + 120 at 100 events/s,
// sent open loop. Figures: throughput (answers/s), answer latency, ack p99/max, the longest line of waiting
// questions, peak RSS. Targets: every delivery acked < 3 s, every question answered exactly once.
import { loadavg } from 'node:os';
import {
  buildWave,
  type LoadSystem,
  mb,
  percentile,
  round,
  runWave,
  sampleRss,
  startLoadSystem,
} from '../tests/load/load-harness.js';

export const LOAD_TARGETS = { ackMaxMs: 3000 };

export interface LoadPhase {
  label: string;
  slackEvents: number;
  webQuestions: number;
  ratePerSecond: number;
}

/** Below capacity (the steady answer latency), then a burst at about four times it (the line of waiting questions
 * absorbs it: acks stay fast, answers wait). */
export const LOAD_PHASES: LoadPhase[] = [
  { label: 'sustained', slackEvents: 1000, webQuestions: 300, ratePerSecond: 20 },
  { label: 'burst', slackEvents: 400, webQuestions: 120, ratePerSecond: 100 },
];

async function runPhase(system: LoadSystem, phase: LoadPhase, index: number) {
  let peakWaiting = 0;
  const watch = setInterval(() => {
    peakWaiting = Math.max(peakWaiting, system.app.answerQueue.stats().waiting);
  }, 20);
  try {
    const result = await runWave(system, buildWave(index, phase.slackEvents, phase.webQuestions), {
      ratePerSecond: phase.ratePerSecond,
      timeoutMs: 600_000,
    });
    const answers = result.answered + result.webValid;
    const allAnswers = [...result.slackAnswerMs, ...result.webAnswerMs];
    return {
      ...phase,
      retriedDeliveries: result.retriedDeliveries,
      webValid: result.webValid,
      answered: result.answered,
      busy: result.busy,
      durationS: round(result.durationMs / 1000),
      answersPerSecond: round(answers / (result.durationMs / 1000)),
      answerP50Ms: round(percentile(allAnswers, 0.5)),
      answerP95Ms: round(percentile(allAnswers, 0.95)),
      ackP99Ms: round(percentile(result.acksMs, 0.99)),
      ackMaxMs: round(Math.max(...result.acksMs)),
      peakWaiting,
      problems: result.problems.length,
      firstProblems: result.problems.slice(0, 5),
    };
  } finally {
    clearInterval(watch);
  }
}

export async function benchLoad(phases: LoadPhase[] = LOAD_PHASES) {
  const system = await startLoadSystem();
  const rss = sampleRss(100);
  try {
    const results = [];
    for (const [index, phase] of phases.entries()) results.push(await runPhase(system, phase, index));
    const peakRss = rss.stop();
    const problems = results.reduce((sum, result) => sum + result.problems, 0);
    return {
      suite: 'load',
      concurrency: system.app.config.answerQueue.concurrency,
      phases: results,
      peakRssMb: mb(peakRss),
      loadAverage1m: round(loadavg()[0] ?? 0),
      targets: LOAD_TARGETS,
      pass: problems === 0 && results.every((result) => result.ackMaxMs < LOAD_TARGETS.ackMaxMs),
    };
  } finally {
    rss.stop();
    await system.close();
  }
}

export function printLoad(result: Awaited<ReturnType<typeof benchLoad>>): void {
  console.log(
    `load: the whole app on loopback, Slack events (with retried deliveries, a third hostile) and web-chat questions (a fifth invalid), open loop; ${result.concurrency} questions answered at once (ANSWER_CONCURRENCY)`,
  );
  for (const phase of result.phases) {
    console.log(
      `${phase.label}: ${phase.slackEvents} slack events (+${phase.retriedDeliveries} retried deliveries) + ${phase.webQuestions} web requests (${phase.webValid} valid) at ${phase.ratePerSecond} events/s`,
    );
    console.log(
      `  throughput ${phase.answersPerSecond} answers/s over ${phase.durationS} s; answer median ${phase.answerP50Ms} ms, p95 ${phase.answerP95Ms} ms; ` +
        `ack p99 ${phase.ackP99Ms} ms, max ${phase.ackMaxMs} ms; answered ${phase.answered}/${phase.slackEvents} (${phase.busy} « trop de monde »); up to ${phase.peakWaiting} questions waiting`,
    );
    for (const problem of phase.firstProblems) console.log(`  problem: ${problem}`);
  }
  console.log(`peak RSS ${result.peakRssMb} MB over both phases (machine load ${result.loadAverage1m})`);
  console.log(
    `target: every delivery acked < ${result.targets.ackMaxMs} ms and answered exactly once → ${result.pass ? 'PASS' : 'FAIL'}`,
  );
}
