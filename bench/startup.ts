// `npm run bench -- startup`: time from launching `npm start`'s process to GET /healthz answering ready, on the
// embedded defaults. Cold = a fresh database (the sample is loaded and the KPI tables built); warm = a restart.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.js';

export const STARTUP_TARGET_MS = 5000;
const RUNS = 3;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok && ((await response.json()) as { ready?: boolean }).ready) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the server was not ready within 60 s');
}

async function startOnce(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DUCKDB_PATH: join(dataDir, 'bench.duckdb'),
      STATE_DIR: join(dataDir, 'state'),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    await waitReady(`http://127.0.0.1:${port}/healthz`, child, Date.now() + 60_000);
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  }
}

export async function benchStartup() {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
    cold.push(await startOnce(dir));
    warm.push(await startOnce(dir));
  }
  const round = (value: number) => Math.round(value);
  const result = {
    suite: 'startup',
    runs: RUNS,
    coldMedianMs: round(median(cold)),
    warmMedianMs: round(median(warm)),
    coldMaxMs: round(Math.max(...cold)),
    targetMs: STARTUP_TARGET_MS,
  };
  return { ...result, pass: result.coldMaxMs <= STARTUP_TARGET_MS };
}

export function printStartup(result: Awaited<ReturnType<typeof benchStartup>>): void {
  console.log(
    `startup (npm start → /healthz ready, ${result.runs} runs): cold median ${result.coldMedianMs} ms (max ${result.coldMaxMs} ms, data load + KPI build), warm median ${result.warmMedianMs} ms`,
  );
  console.log(`target: ready ≤ ${result.targetMs} ms → ${result.pass ? 'PASS' : 'FAIL'}`);
}
