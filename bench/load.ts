// `npm run bench -- load`: the whole app on loopback (Slack on against the in-process fake Web API, the web chat)
// under a larger mixed wave than the test's: 1,000 signed Slack mentions (many channels and threads, retried
// deliveries, hostile texts) and 300 web-chat questions, sent open loop. Figures: throughput (answers/s), answer
// latency p95, ack p99/max, peak RSS. Targets: every delivery acked < 3 s, every question answered exactly once.
import { loadavg } from 'node:os';
import {
  buildWave,
  mb,
  percentile,
  round,
  runWave,
  sampleRss,
  startLoadSystem,
} from '../tests/load/load-harness.js';

export const LOAD_TARGETS = { ackMaxMs: 3000 };

export async function benchLoad(
  options: { slackEvents?: number; webQuestions?: number; ratePerSecond?: number } = {},
) {
  const slackEvents = options.slackEvents ?? 1000;
  const webQuestions = options.webQuestions ?? 300;
  const ratePerSecond = options.ratePerSecond ?? 20;
  const system = await startLoadSystem();
  const rss = sampleRss(100);
  try {
    const result = await runWave(system, buildWave(0, slackEvents, webQuestions), {
      ratePerSecond,
      timeoutMs: 600_000,
    });
    const peakRss = rss.stop();
    const answers = result.answered + result.webValid;
    const allAnswers = [...result.slackAnswerMs, ...result.webAnswerMs];
    return {
      suite: 'load',
      slackEvents,
      retriedDeliveries: result.retriedDeliveries,
      webRequests: webQuestions,
      webValid: result.webValid,
      ratePerSecond,
      answered: result.answered,
      durationS: round(result.durationMs / 1000),
      answersPerSecond: round(answers / (result.durationMs / 1000)),
      answerP95Ms: round(percentile(allAnswers, 0.95)),
      slackAnswerP95Ms: round(percentile(result.slackAnswerMs, 0.95)),
      webAnswerP95Ms: round(percentile(result.webAnswerMs, 0.95)),
      ackP99Ms: round(percentile(result.acksMs, 0.99)),
      ackMaxMs: round(Math.max(...result.acksMs)),
      peakRssMb: mb(peakRss),
      problems: result.problems.length,
      firstProblems: result.problems.slice(0, 5),
      loadAverage1m: round(loadavg()[0] ?? 0),
      targets: LOAD_TARGETS,
      pass: result.problems.length === 0,
    };
  } finally {
    rss.stop();
    await system.close();
  }
}

export function printLoad(result: Awaited<ReturnType<typeof benchLoad>>): void {
  console.log(
    `load: ${result.slackEvents} slack events (+${result.retriedDeliveries} retried deliveries) and ${result.webRequests} web requests (${result.webValid} valid) at ${result.ratePerSecond} events/s, open loop`,
  );
  console.log(
    `throughput ${result.answersPerSecond} answers/s over ${result.durationS} s; answer p95 ${result.answerP95Ms} ms (slack ${result.slackAnswerP95Ms} ms, web ${result.webAnswerP95Ms} ms); ` +
      `ack p99 ${result.ackP99Ms} ms, max ${result.ackMaxMs} ms; answered ${result.answered}/${result.slackEvents}; peak RSS ${result.peakRssMb} MB (machine load ${result.loadAverage1m})`,
  );
  for (const problem of result.firstProblems) console.log(`  problem: ${problem}`);
  console.log(
    `target: every delivery acked < ${result.targets.ackMaxMs} ms and answered exactly once (${result.problems} problem(s)) → ${result.pass ? 'PASS' : 'FAIL'}`,
  );
}
