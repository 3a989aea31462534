// Closing the embedded warehouse while statements run (a server stopped mid-question, its health probe reading the
// state): before, the instance was closed under a statement still running on libuv's pool and the process died
// (SIGSEGV, exit 139, seen in CI). Now running statements are interrupted and waited for, new ones refused, and
// close() may be called twice. Each case runs in a process of its own, so a crash is a failed exit code, not a
// crashed test runner.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';

const driverModule = JSON.stringify(new URL('../../src/warehouse/duckdb.ts', import.meta.url).href);

function runChild(body: string): Record<string, unknown> {
  const script = `
    const { createDuckDbDriver } = await import(${driverModule});
    const options = { maxRows: 10, timeoutMs: 600_000 };
    const outcome = (promise) => promise.then(() => 'ok', (error) => error.code ?? String(error));
    ${body}
    process.exit(0);`;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

describe('closing DuckDB while statements run', () => {
  test('a statement that would run for minutes is interrupted: close() resolves, the statement fails as unavailable', () => {
    const result = runChild(`
      const driver = await createDuckDbDriver({ path: ':memory:' });
      const slow = outcome(driver.run('SELECT COUNT(*) AS n FROM range(100000000000) AS a', [], options));
      await new Promise((done) => setTimeout(done, 200));
      await driver.close();
      const after = await outcome(driver.run('SELECT 1 AS one', [], options));
      await driver.close(); // twice: no second closeSync of the instance
      console.log(JSON.stringify({ slow: await slow, after }));`);
    expect(result).toEqual({ slow: 'WAREHOUSE_UNAVAILABLE', after: 'WAREHOUSE_UNAVAILABLE' });
  }, 120_000);

  test('fifty short statements started just before close(): every one settles and the process exits cleanly', () => {
    const result = runChild(`
      const driver = await createDuckDbDriver({ path: ':memory:' });
      const rounds = [];
      for (let round = 0; round < 20; round++) {
        const fresh = await createDuckDbDriver({ path: ':memory:' });
        const running = Array.from({ length: 50 }, (_, i) =>
          outcome(fresh.run('SELECT SUM(range) AS s FROM range(' + (1000 * (i + 1)) + ')', [], options)));
        await new Promise((done) => setImmediate(done));
        await fresh.close();
        const outcomes = await Promise.all(running);
        rounds.push(outcomes.every((o) => o === 'ok' || o === 'WAREHOUSE_UNAVAILABLE'));
      }
      await driver.close();
      console.log(JSON.stringify({ rounds: rounds.length, allSettled: rounds.every(Boolean) }));`);
    expect(result).toEqual({ rounds: 20, allSettled: true });
  }, 120_000);
});
