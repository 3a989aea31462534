// The embedded DuckDB shares the bot's process: DUCKDB_MEMORY_LIMIT and DUCKDB_THREADS reach the engine (its own
// defaults are 80 % of the machine's RAM and one thread per core), and DuckDB's own defaults stay when unset.
import { expect, test } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { createDuckDbDriver } from '../../src/warehouse/duckdb.js';

const settingsOf = async (options: Parameters<typeof createDuckDbDriver>[0]) => {
  const driver = await createDuckDbDriver(options);
  try {
    const result = await driver.run(
      "SELECT current_setting('memory_limit') AS memory_limit, current_setting('threads') AS threads",
      [],
      { timeoutMs: 5000, maxRows: 1 },
    );
    return result.rows[0] as { memory_limit: string; threads: number };
  } finally {
    await driver.close();
  }
};

test('memory_limit and threads from the settings reach DuckDB', async () => {
  const { warehouse } = loadConfig({ DUCKDB_MEMORY_LIMIT: '256MB', DUCKDB_THREADS: '1' });
  const set = await settingsOf({
    path: ':memory:',
    memoryLimit: warehouse.duckdbMemoryLimit,
    threads: warehouse.duckdbThreads,
  });
  // DuckDB reports the limit in its own units (256MB = 244.1 MiB).
  expect(set.memory_limit).toMatch(/^244\.1 MiB$/);
  expect(Number(set.threads)).toBe(1);
  const unset = await settingsOf({ path: ':memory:' });
  expect(unset.memory_limit).not.toBe(set.memory_limit);
});
