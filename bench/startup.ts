// `npm run bench -- startup`: how long the compiled server (`node dist/server/main.js serve`, what `npm start` runs
// once dist/ is built) takes from launch to GET /healthz answering ready, on the bundled sample. Cold = a fresh
// database (the sample loaded, the KPI tables built); warm = a restart on that database, the everyday case and the
// one with a target. The same run times a bare `node -e ''` (the floor no server start can go under on this
// machine) and `npm start` itself (the npm CLI and the staleness check on top), and reads the server's CPU time at
// ready (Linux /proc) and the load average: on a shared machine the wall time says as much about the neighbours.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.js';

export const STARTUP_TARGET_MS = 1000;
const RUNS = 5;
const SERVER = ['dist/server/main.js', 'serve'];

/** Environment of one server: its own database and state, a free port, logs kept quiet. */
const serverEnv = (dir: string) => ({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DUCKDB_PATH: join(dir, 'bench.duckdb'),
  STATE_DIR: join(dir, 'state'),
  LOG_LEVEL: 'warn',
  LOG_FORMAT: 'json',
});

/** CPU time (user + system, every thread) a process has used so far, in ms; undefined off Linux. */
function cpuMsOf(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 per second).
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Start {
  wallMs: number;
  cpuMs?: number;
}

/** The address from the start-up line (PORT=0), then /healthz polled until ready; ms since launch. */
async function timeToReady(child: ChildProcess, started: number): Promise<Start> {
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      const ready = /(http:\/\/127\.0\.0\.1:\d+\/) /.exec(stdout);
      if (ready) resolve(ready[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}healthz`);
      if (response.ok && ((await response.json()) as { ready?: boolean }).ready) {
        return { wallMs: performance.now() - started, cpuMs: cpuMsOf(child.pid) };
      }
    } catch {
      // not answering yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the server was not ready within 60 s');
}

async function stop(child: ChildProcess, group: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // `npm start` runs the server under npm and a shell: the whole process group is stopped.
  if (group && child.pid) process.kill(-child.pid, 'SIGTERM');
  else child.kill('SIGTERM');
  await exited;
}

async function startCompiled(dir: string): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, SERVER, { env: serverEnv(dir), stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    return await timeToReady(child, started);
  } finally {
    await stop(child, false);
  }
}

async function startWithNpm(dir: string): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: serverEnv(dir),
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  });
  try {
    return (await timeToReady(child, started)).wallMs;
  } finally {
    await stop(child, true);
  }
}

/** The floor: an empty Node process, launched and exited. */
function bareNode(): number {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return performance.now() - started;
}

export async function benchStartup() {
  // Built once beforehand (when stale), as `npm start` would: the build is not part of a start.
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const baseline: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  const warmCpu: number[] = [];
  const npmStart: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    baseline.push(bareNode());
    const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
    cold.push((await startCompiled(dir)).wallMs);
    const restart = await startCompiled(dir);
    warm.push(restart.wallMs);
    if (restart.cpuMs !== undefined) warmCpu.push(restart.cpuMs);
    npmStart.push(await startWithNpm(dir));
  }
  const round = (value: number) => Math.round(value);
  const warmMedianMs = round(median(warm));
  const baselineMedianMs = round(median(baseline));
  return {
    suite: 'startup',
    runs: RUNS,
    node: process.version,
    baselineMedianMs,
    warmMedianMs,
    warmMaxMs: round(Math.max(...warm)),
    warmOverBaselineMs: warmMedianMs - baselineMedianMs,
    warmCpuMedianMs: warmCpu.length > 0 ? round(median(warmCpu)) : undefined,
    coldMedianMs: round(median(cold)),
    loadAverage: Number(loadavg()[0]!.toFixed(1)),
    npmStartWarmMedianMs: round(median(npmStart)),
    targetMs: STARTUP_TARGET_MS,
    pass: warmMedianMs <= STARTUP_TARGET_MS,
  };
}

export function printStartup(result: Awaited<ReturnType<typeof benchStartup>>): void {
  console.log(
    `startup (compiled server → /healthz ready, ${result.runs} runs, Node ${result.node}): warm median ` +
      `${result.warmMedianMs} ms (max ${result.warmMaxMs} ms; CPU ${result.warmCpuMedianMs ?? '?'} ms), ` +
      `${result.warmOverBaselineMs} ms above a bare ` +
      `\`node -e ''\` (${result.baselineMedianMs} ms); cold median ${result.coldMedianMs} ms (data load + KPI ` +
      `build); through \`npm start\` (npm + staleness check) warm median ${result.npmStartWarmMedianMs} ms; ` +
      `load average ${result.loadAverage}`,
  );
  console.log(`target: warm start ready ≤ ${result.targetMs} ms → ${result.pass ? 'PASS' : 'FAIL'}`);
}
