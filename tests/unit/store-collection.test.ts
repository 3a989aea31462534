// The embedded state store on a real directory: atomic writes, reload, corrupt files set aside (never a crash),
// concurrent writers serialized, pruning.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { z } from 'zod';
import { createJsonCollection } from '../../src/store/json-collection.js';
import { captureLogger } from '../fakes/recording-adapter.js';

const item = z.object({ id: z.number().int(), label: z.string() });
type Item = z.infer<typeof item>;

function fresh(dir = mkdtempSync(join(tmpdir(), 'store-'))) {
  const { logger, lines } = captureLogger();
  const collection = createJsonCollection<Item>(dir, 'things', item, { logger, now: () => Date.parse('2026-05-04T07:00:00Z') }); // biome-ignore format: set-up
  return { dir, collection, lines };
}

describe('json collection', () => {
  test('a missing file is an empty collection; writes land in <name>.json and survive a reload', async () => {
    const { dir, collection } = fresh();
    await collection.load();
    expect(collection.all()).toEqual([]);
    await collection.update((items) => [...items, { id: 1, label: 'un' }]);
    expect(JSON.parse(readFileSync(join(dir, 'things.json'), 'utf8'))).toEqual({ version: 1, items: [{ id: 1, label: 'un' }] }); // biome-ignore format: table
    expect(readdirSync(dir)).toEqual(['things.json']); // no temp file left behind
    const again = fresh(dir).collection;
    await again.load();
    expect(again.all()).toEqual([{ id: 1, label: 'un' }]);
  });

  test('concurrent writers are serialized: no update is lost', async () => {
    const { dir, collection } = fresh();
    await Promise.all(
      Array.from({ length: 50 }, (_, index) => collection.update((items) => [...items, { id: index, label: `n${index}` }])), // biome-ignore format: table
    );
    expect(collection.all()).toHaveLength(50);
    const reloaded = fresh(dir).collection;
    await reloaded.load();
    expect(
      reloaded
        .all()
        .map((entry) => entry.id)
        .sort((a, b) => a - b),
    ).toEqual([...Array(50).keys()]);
  });

  test('update returns the mutator result; a throwing mutator changes nothing and does not block the queue', async () => {
    const { collection } = fresh();
    const result = await collection.update((items) => ({ items: [...items, { id: 7, label: 'sept' }], result: 'ok' })); // biome-ignore format: table
    expect(result).toBe('ok');
    await expect(collection.update(() => { throw new Error('boom'); })).rejects.toThrow('boom'); // biome-ignore format: table
    await collection.update((items) => [...items, { id: 8, label: 'huit' }]);
    expect(collection.all().map((entry) => entry.id)).toEqual([7, 8]);
  });

  test.each([
    ['not JSON', '{"version":1,"items":[{"id":1,'],
    ['no items array', '{"version":1}'],
    ['an item the schema refuses', '{"version":1,"items":[{"id":"x","label":3}]}'],
  ])(
    'a corrupt file (%s) is set aside with an error log; the collection starts empty',
    async (_case, text) => {
      const { dir, collection, lines } = fresh();
      writeFileSync(join(dir, 'things.json'), text);
      await collection.load();
      expect(collection.all()).toEqual([]);
      const aside = 'things.json.corrupt-2026-05-04T07-00-00-000Z';
      expect(readdirSync(dir).sort()).toEqual([aside]);
      expect(readFileSync(join(dir, aside), 'utf8')).toBe(text);
      expect(lines).toEqual([expect.objectContaining({ level: 50, collection: 'things', setAside: aside })]);
      await collection.update((items) => [...items, { id: 2, label: 'deux' }]);
      expect(readdirSync(dir).sort()).toEqual(['things.json', aside]);
    },
  );

  test('prune keeps a collection bounded on every write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const { logger } = captureLogger();
    const collection = createJsonCollection<Item>(dir, 'things', item, {
      logger,
      prune: (items) => items.slice(-3),
    });
    for (let id = 0; id < 6; id += 1)
      await collection.update((items) => [...items, { id, label: String(id) }]);
    expect(collection.all().map((entry) => entry.id)).toEqual([3, 4, 5]);
  });
});
