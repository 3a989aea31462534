// The conversation checkpointer: one file per conversation, written asynchronously and coalesced; `put` resolves
// once its state is on disk; only the newest checkpoints and threads are kept, in the same order after a restart;
// a failed write is reported and the conversation goes on in memory. The size of a write does not depend on how
// many other conversations exist (the single-file version rewrote them all on every checkpoint).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, jest, test } from '@jest/globals';
import { type Checkpoint, emptyCheckpoint } from '@langchain/langgraph';
import { FileCheckpointSaver, threadFileName } from '../../agent/memory/file-checkpointer.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'checkpointer-'));
const config = (thread: string) => ({ configurable: { thread_id: thread, checkpoint_ns: '' } });

let sequence = 0;
/** A checkpoint whose id sorts after every earlier one (as LangGraph's uuid6 ids do), carrying `payload`. */
function checkpoint(payload: string): Checkpoint {
  const id = `1f0${String(++sequence).padStart(9, '0')}`;
  return { ...emptyCheckpoint(), id, channel_values: { payload } };
}

async function putOne(saver: FileCheckpointSaver, thread: string, payload = 'x') {
  return saver.put(config(thread), checkpoint(payload), { source: 'loop', step: sequence, parents: {} });
}

const threadFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.json'));

describe('FileCheckpointSaver', () => {
  test('put resolves once the conversation is in its own file, and a restart reads it back', async () => {
    const dir = freshDir();
    const saver = new FileCheckpointSaver({ directory: dir });
    await putOne(saver, 'slack:T1:C1:1.1', 'bonjour');
    const file = join(dir, threadFileName('slack:T1:C1:1.1'));
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { version: number; thread: string };
    expect(stored).toMatchObject({ version: 2, thread: 'slack:T1:C1:1.1' });
    const restarted = new FileCheckpointSaver({ directory: dir });
    const tuple = await restarted.getTuple(config('slack:T1:C1:1.1'));
    expect(tuple?.checkpoint.channel_values).toEqual({ payload: 'bonjour' });
  });

  test('putWrites are kept with their checkpoint across a restart', async () => {
    const dir = freshDir();
    const saver = new FileCheckpointSaver({ directory: dir });
    const saved = await putOne(saver, 't');
    await saver.putWrites(saved, [['answer', { text: 'réponse' }]], 'task-1');
    const tuple = await new FileCheckpointSaver({ directory: dir }).getTuple(saved);
    expect(tuple?.pendingWrites).toEqual([['task-1', 'answer', { text: 'réponse' }]]);
  });

  test('writes to one conversation are coalesced: 50 concurrent puts, far fewer files, the last state on disk', async () => {
    const dir = freshDir();
    const saver = new FileCheckpointSaver({ directory: dir, keepPerThread: 100 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => putOne(saver, 'busy', `p${i}`)));
    // The first write starts at once, every later put joins the one queued behind it.
    expect(saver.stats.files).toBeLessThanOrEqual(3);
    const restarted = new FileCheckpointSaver({ directory: dir, keepPerThread: 100 });
    const tuple = await restarted.getTuple(config('busy'));
    expect(tuple?.checkpoint.channel_values).toEqual({ payload: 'p49' });
    const all = [];
    for await (const item of restarted.list(config('busy'))) all.push(item);
    expect(all).toHaveLength(50);
  });

  test('a write stays the size of one conversation, however many others exist', async () => {
    const dir = freshDir();
    const saver = new FileCheckpointSaver({ directory: dir });
    await putOne(saver, 'first');
    const alone = saver.stats.bytes;
    for (let i = 0; i < 300; i++) await putOne(saver, `other-${i}`);
    const before = saver.stats.bytes;
    await putOne(saver, 'first');
    const withOthers = saver.stats.bytes - before;
    // Same thread, one more checkpoint: roughly twice the bytes of the first write, not 300 conversations' worth.
    expect(withOthers).toBeLessThan(alone * 3);
    expect(threadFiles(dir)).toHaveLength(301);
  });

  test('only the newest checkpoints of a thread are kept, with their writes', async () => {
    const dir = freshDir();
    const saver = new FileCheckpointSaver({ directory: dir, keepPerThread: 2 });
    for (let i = 0; i < 5; i++) {
      const saved = await putOne(saver, 't', `p${i}`);
      await saver.putWrites(saved, [['answer', i]], `task-${i}`);
    }
    const stored = JSON.parse(readFileSync(join(dir, threadFileName('t')), 'utf8')) as {
      storage: Record<string, Record<string, unknown>>;
      writes: Record<string, unknown>;
    };
    expect(Object.keys(stored.storage['']!)).toHaveLength(2);
    expect(Object.keys(stored.writes)).toHaveLength(2);
    expect(Object.keys(saver.writes)).toHaveLength(2); // pruned in memory too
  });

  test('beyond maxThreads the least recently written conversation is forgotten, file included, and the order survives a restart', async () => {
    const dir = freshDir();
    const saver = new FileCheckpointSaver({ directory: dir, maxThreads: 3 });
    for (const thread of ['a', 'b', 'c']) await putOne(saver, thread);
    await putOne(saver, 'a'); // a is now the most recent: b is the oldest
    await putOne(saver, 'd');
    expect(Object.keys(saver.storage).sort()).toEqual(['a', 'c', 'd']);
    expect(existsSync(join(dir, threadFileName('b')))).toBe(false);
    expect(threadFiles(dir)).toHaveLength(3);

    const restarted = new FileCheckpointSaver({ directory: dir, maxThreads: 3 });
    await putOne(restarted, 'e'); // c is the oldest after the restart
    expect(Object.keys(restarted.storage).sort()).toEqual(['a', 'd', 'e']);
    // A restart with a smaller limit trims at once.
    const smaller = new FileCheckpointSaver({ directory: dir, maxThreads: 1 });
    await smaller.flush();
    expect(Object.keys(smaller.storage)).toEqual(['e']);
    expect(threadFiles(dir)).toHaveLength(1);
  });

  test('only maxThreadsInMemory conversations stay in memory; the others are read back from disk when they speak', async () => {
    const dir = freshDir();
    const saver = new FileCheckpointSaver({ directory: dir, maxThreadsInMemory: 3 });
    for (let i = 0; i < 10; i++) await putOne(saver, `conv-${i}`, `payload ${i}`);
    expect(saver.threadsInMemory).toBe(3);
    expect(Object.keys(saver.storage).sort()).toEqual(['conv-7', 'conv-8', 'conv-9']);
    expect(threadFiles(dir)).toHaveLength(10); // every conversation is still remembered, on disk
    expect(saver.threadIds()).toHaveLength(10);
    // The oldest speaks again: read back from its file, and memory stays within the bound.
    const tuple = await saver.getTuple(config('conv-0'));
    expect(tuple?.checkpoint.channel_values).toEqual({ payload: 'payload 0' });
    expect(saver.threadsInMemory).toBe(3);
    expect(Object.keys(saver.storage)).toContain('conv-0');
    // A new turn in a conversation read back keeps its history (two checkpoints: the old one and the new).
    await putOne(saver, 'conv-1', 'second turn');
    const history = [];
    for await (const item of saver.list(config('conv-1'))) history.push(item.checkpoint.channel_values);
    expect(history).toEqual([{ payload: 'second turn' }, { payload: 'payload 1' }]);
    expect(saver.threadsInMemory).toBeLessThanOrEqual(3);

    // A restart loads only the newest into memory and indexes the rest.
    const restarted = new FileCheckpointSaver({ directory: dir, maxThreadsInMemory: 2 });
    expect(restarted.threadsInMemory).toBe(2);
    expect(restarted.threadIds()).toHaveLength(10);
    expect((await restarted.getTuple(config('conv-5')))?.checkpoint.channel_values).toEqual({
      payload: 'payload 5',
    });
  });

  test('threads written within the same millisecond reload in the order they were written', async () => {
    // CI once wrote a, c and d in one millisecond; equal stamps reloaded in directory order and evicted d.
    const dir = freshDir();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    try {
      const saver = new FileCheckpointSaver({ directory: dir, maxThreads: 4 });
      const order = ['t9', 't3', 't7', 't1'];
      for (const thread of order) await putOne(saver, thread);
      const restarted = new FileCheckpointSaver({ directory: dir, maxThreads: 4 });
      expect(restarted.threadIds()).toEqual(order);
      await putOne(restarted, 'new'); // the first written is the one forgotten
      expect(restarted.threadIds()).toEqual([...order.slice(1), 'new']);
    } finally {
      now.mockRestore();
    }
  });

  test('deleteThread removes the file', async () => {
    const dir = freshDir();
    const saver = new FileCheckpointSaver({ directory: dir });
    await putOne(saver, 'gone');
    await saver.deleteThread('gone');
    expect(threadFiles(dir)).toEqual([]);
    expect(await new FileCheckpointSaver({ directory: dir }).getTuple(config('gone'))).toBeUndefined();
  });

  test('a write that fails is reported, the put still resolves, and memory goes on', async () => {
    const dir = freshDir();
    const errors: unknown[] = [];
    const saver = new FileCheckpointSaver({ directory: dir, onWriteError: (error) => errors.push(error) });
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'not a directory any more');
    await putOne(saver, 'still-here', 'mémoire');
    expect(errors).toHaveLength(1);
    expect((await saver.getTuple(config('still-here')))?.checkpoint.channel_values).toEqual({
      payload: 'mémoire',
    });
    rmSync(dir);
  });
});
