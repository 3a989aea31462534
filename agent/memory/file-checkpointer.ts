// A LangGraph checkpointer that survives a restart: LangGraph's MemorySaver, with each conversation persisted to a
// file of its own in a directory of the state store. A write touches only the conversation that changed, off the
// event loop (async fs, temporary file + rename), and writes to the same conversation are coalesced; `put` resolves
// once its state is on disk, so an answered question is remembered even if the process dies right after.
// Why not one file: rewriting every conversation on every checkpoint blocked the event loop and capped the bot at
// ~5 answers/s under load. Only the newest checkpoints of each thread are kept, and only the most recently written
// threads (`maxThreads`, files included). Of those, only the `maxThreadsInMemory` most recently used stay in memory:
// the others are read back from their file when their conversation speaks again (a Slack thread answered a week
// ago), so memory does not grow with the number of conversations the bot remembers. A corrupt file is set aside and
// only that conversation starts over.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunnableConfig } from '@langchain/core/runnables';
import { type Checkpoint, type CheckpointMetadata, MemorySaver } from '@langchain/langgraph';
import { maskDeep } from '../../src/core/secrets.js';

/** [channel, value] as MemorySaver.putWrites takes it. */
type PendingWrite = Parameters<MemorySaver['putWrites']>[1][number];

export interface FileCheckpointerOptions {
  /** One `<hash>.json` per conversation is written here. */
  directory: string;
  /** A single-file store written by earlier versions (`conversations.json`): imported once, then renamed. */
  legacyFile?: string;
  /** Checkpoints kept per thread: the latest is all a new turn needs, one more for its parent link (each holds the turn's rows). */
  keepPerThread?: number;
  /** Conversations kept (on disk); the least recently written are forgotten first, file included. */
  maxThreads?: number;
  /** Conversations kept in memory (default 500); the least recently used others are read from disk when needed. */
  maxThreadsInMemory?: number;
  onCorrupt?: (error: unknown, file: string) => void;
  /** A conversation's file could not be written (disk full, permissions): the answer is still given. */
  onWriteError?: (error: unknown) => void;
  /**
   * Masks secrets in every string written to disk (the logs' mask, src/core/secrets.ts createSecretMask): a
   * token or signing secret pasted into a question is never stored, in clear or in base64.
   */
  scrub?: (text: string) => string;
}

type Bytes = Uint8Array;
const encode = (bytes: Bytes) => Buffer.from(bytes).toString('base64');

/** Serialized checkpoint bytes (JSON from LangGraph's serializer) with every string value masked. */
function scrubBytes(bytes: Bytes, scrub: ((text: string) => string) | undefined): Bytes {
  if (!scrub) return bytes;
  const text = Buffer.from(bytes).toString('utf8');
  let masked: string;
  try {
    masked = JSON.stringify(maskDeep(JSON.parse(text), scrub));
  } catch {
    masked = scrub(text); // not JSON: the text itself
  }
  return masked === text ? bytes : new Uint8Array(Buffer.from(masked, 'utf8'));
}
const decode = (text: string): Bytes => new Uint8Array(Buffer.from(text, 'base64'));

/** What one conversation's file holds. */
interface ThreadFile {
  version: 2;
  thread: string;
  updatedAt: number;
  storage: Record<string, Record<string, [string, string, string | null]>>;
  writes: Record<string, Record<string, [string, string, string, string | null]>>;
}

type Storage = MemorySaver['storage'][string];
type Writes = MemorySaver['writes'];

/** The file name of a conversation: thread ids hold colons, dots and user text, so they are hashed. */
export function threadFileName(threadId: string): string {
  return `${createHash('sha256').update(threadId).digest('hex').slice(0, 32)}.json`;
}

export class FileCheckpointSaver extends MemorySaver {
  readonly #directory: string;
  readonly #keepPerThread: number;
  readonly #maxThreads: number;
  readonly #maxInMemory: number;
  /** Threads loaded in memory, least recently used first. */
  readonly #inMemory = new Map<string, true>();
  /** Threads being read back from disk (one read per thread however many callers). */
  readonly #loading = new Map<string, Promise<void>>();
  readonly #onWriteError: ((error: unknown) => void) | undefined;
  readonly #scrub: ((text: string) => string) | undefined;
  /** Every thread remembered (in memory or on disk only), in order of last write, oldest first (a Map keeps
   * insertion order: delete + set moves to the end). */
  readonly #recent = new Map<string, number>();
  #newestStamp = 0;
  /** Outer `writes` keys of each thread, so a thread's writes are found without scanning them all. */
  readonly #writeKeys = new Map<string, Set<string>>();
  /** Per thread: the write on disk now, and the one queued behind it (which will carry every change made meanwhile). */
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #queued = new Map<string, Promise<void>>();
  /** Threads whose last write failed (full disk): written again after the next write that succeeds, and on flush. */
  readonly #failed = new Set<string>();
  /** Files written and their bytes since start (the load bench reports them; tests check a write stays small). */
  readonly stats = { files: 0, bytes: 0 };

  constructor(options: FileCheckpointerOptions) {
    super();
    this.#directory = options.directory;
    this.#keepPerThread = options.keepPerThread ?? 2;
    this.#maxThreads = options.maxThreads ?? 5000;
    this.#maxInMemory = Math.max(1, options.maxThreadsInMemory ?? 500);
    this.#onWriteError = options.onWriteError;
    this.#scrub = options.scrub;
    mkdirSync(this.#directory, { recursive: true });
    this.#loadDirectory(options.onCorrupt);
    if (options.legacyFile && existsSync(options.legacyFile))
      this.#importLegacy(options.legacyFile, options.onCorrupt);
    while (this.#recent.size > this.#maxThreads) this.#evictOldest();
    this.#unloadExcess();
  }

  override async getTuple(config: RunnableConfig) {
    await this.#ensureLoaded(config);
    return super.getTuple(config);
  }

  override async *list(config: RunnableConfig, options?: Parameters<MemorySaver['list']>[1]) {
    await this.#ensureLoaded(config);
    yield* super.list(config, options);
  }

  override async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
  ): Promise<RunnableConfig> {
    await this.#ensureLoaded(config);
    const result = await super.put(config, checkpoint, metadata);
    const threadId = String(config.configurable?.thread_id ?? '');
    this.#touch(threadId);
    this.#used(threadId);
    this.#pruneThread(threadId);
    const evicted: Promise<void>[] = [];
    while (this.#recent.size > this.#maxThreads) evicted.push(this.#evictOldest());
    await Promise.all([this.#persist(threadId), ...evicted]);
    this.#unloadExcess();
    return result;
  }

  override async putWrites(
    config: RunnableConfig,
    writes: PendingWrite[],
    taskId: string,
    taskPath?: string,
  ): Promise<void> {
    await this.#ensureLoaded(config);
    await super.putWrites(config, writes, taskId, taskPath);
    const threadId = String(config.configurable?.thread_id ?? '');
    const { checkpoint_ns: namespace = '', checkpoint_id: checkpointId } = config.configurable ?? {};
    this.#keysOf(threadId).add(JSON.stringify([threadId, namespace, checkpointId]));
    await this.#persist(threadId);
  }

  override async deleteThread(threadId: string): Promise<void> {
    this.#forget(threadId);
    await this.#persist(threadId);
  }

  /** Conversations loaded in memory now (bounded by `maxThreadsInMemory`). */
  get threadsInMemory(): number {
    return this.#inMemory.size;
  }

  /** The conversations remembered, least recently written first (the Slack adapter re-arms its threads from them). */
  threadIds(): string[] {
    return [...this.#recent.keys()];
  }

  /** Resolves when every change made so far is on disk (called on shutdown). */
  async flush(): Promise<void> {
    for (const failed of [...this.#failed]) {
      this.#failed.delete(failed);
      void this.#persist(failed);
    }
    while (this.#inFlight.size > 0 || this.#queued.size > 0)
      await Promise.all([...this.#inFlight.values(), ...this.#queued.values()]);
  }

  #keysOf(threadId: string): Set<string> {
    const keys = this.#writeKeys.get(threadId) ?? new Set<string>();
    this.#writeKeys.set(threadId, keys);
    return keys;
  }

  /**
   * Stamps are strictly increasing: several threads written in the same millisecond must still reload in the order
   * they were written, or a restart would evict the wrong one.
   */
  #touch(threadId: string, at?: number): void {
    const stamp = at ?? Math.max(Date.now(), this.#newestStamp + 1);
    this.#newestStamp = Math.max(this.#newestStamp, stamp);
    this.#recent.delete(threadId);
    this.#recent.set(threadId, stamp);
  }

  /** Keeps the newest checkpoints of one thread; ids are time-ordered (uuid v6), so the largest are the newest. */
  #pruneThread(threadId: string): void {
    for (const [namespace, checkpoints] of Object.entries(this.storage[threadId] ?? {})) {
      for (const id of Object.keys(checkpoints).sort().slice(0, -this.#keepPerThread)) {
        delete checkpoints[id];
        const key = JSON.stringify([threadId, namespace, id]);
        delete this.writes[key];
        this.#writeKeys.get(threadId)?.delete(key);
      }
    }
  }

  #forget(threadId: string): void {
    this.#unload(threadId);
    this.#recent.delete(threadId);
  }

  /** Drops a thread from memory only (its file stays and is read back when the conversation speaks again). */
  #unload(threadId: string): void {
    delete this.storage[threadId];
    for (const key of this.#writeKeys.get(threadId) ?? []) delete this.writes[key];
    this.#writeKeys.delete(threadId);
    this.#inMemory.delete(threadId);
  }

  #used(threadId: string): void {
    this.#inMemory.delete(threadId);
    this.#inMemory.set(threadId, true);
  }

  /** Unloads the least recently used threads beyond the bound, except those whose state is not on disk yet. */
  #unloadExcess(): void {
    if (this.#inMemory.size <= this.#maxInMemory) return;
    for (const threadId of this.#inMemory.keys()) {
      if (this.#inMemory.size <= this.#maxInMemory) break;
      if (this.#inFlight.has(threadId) || this.#queued.has(threadId) || this.#failed.has(threadId)) continue;
      this.#unload(threadId);
    }
  }

  /** Reads a remembered thread back from its file when it is not in memory (async: the event loop keeps going). */
  async #ensureLoaded(config: RunnableConfig): Promise<void> {
    const threadId = config.configurable?.thread_id;
    if (typeof threadId !== 'string' && typeof threadId !== 'number') return;
    const id = String(threadId);
    if (this.storage[id] || !this.#recent.has(id)) {
      if (this.storage[id]) this.#used(id);
      return;
    }
    let loading = this.#loading.get(id);
    if (!loading) {
      loading = readFile(join(this.#directory, threadFileName(id)), 'utf8')
        .then((text) => {
          const data = JSON.parse(text) as ThreadFile;
          // A put that ran meanwhile made newer state in memory: it wins over the file.
          if (!this.storage[id] && this.#recent.has(id) && data.thread === id)
            this.#restore(id, data.storage, data.writes ?? {}, undefined);
        })
        .catch(() => {
          // A file gone or unreadable: the conversation starts over, like a corrupt one at start-up.
        })
        .finally(() => this.#loading.delete(id));
      this.#loading.set(id, loading);
    }
    await loading;
    if (this.storage[id]) this.#used(id);
    this.#unloadExcess();
  }

  #evictOldest(): Promise<void> {
    const oldest = this.#recent.keys().next().value as string;
    this.#forget(oldest);
    return this.#persist(oldest);
  }

  /** Writes (or deletes) one thread's file. A write already queued for the thread will pick up this change too. */
  #persist(threadId: string): Promise<void> {
    const queued = this.#queued.get(threadId);
    if (queued) return queued;
    const previous = this.#inFlight.get(threadId) ?? Promise.resolve();
    const next = previous.then(async () => {
      // From here on, changes need a new write: this one snapshots the thread now.
      this.#queued.delete(threadId);
      this.#inFlight.set(threadId, next);
      try {
        await this.#writeThread(threadId);
        this.#failed.delete(threadId);
        // The disk takes writes again: the conversations it refused are written now, nothing is lost.
        for (const failed of [...this.#failed]) {
          this.#failed.delete(failed);
          void this.#persist(failed);
        }
      } catch (error) {
        this.#failed.add(threadId);
        this.#onWriteError?.(error);
      } finally {
        if (this.#inFlight.get(threadId) === next) this.#inFlight.delete(threadId);
      }
    });
    this.#queued.set(threadId, next);
    return next;
  }

  async #writeThread(threadId: string): Promise<void> {
    const file = join(this.#directory, threadFileName(threadId));
    const namespaces = this.storage[threadId];
    if (!namespaces) {
      await rm(file, { force: true });
      return;
    }
    // The pid in the name tells the start-up sweep (src/store/sweep.ts) whose temp file it is.
    const temporary = `${file}.${process.pid}.tmp`;
    const text = JSON.stringify(this.#serialize(threadId, namespaces));
    try {
      await writeFile(temporary, text);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined); // never leave a partial file holding space
      throw error;
    }
    this.stats.files++;
    this.stats.bytes += Buffer.byteLength(text);
  }

  /** A stored value's scrubbed base64, computed once: checkpoints and writes never change once put, and the same
   * ones are written again with every newer checkpoint of their thread. */
  readonly #encoded = new WeakMap<Bytes, string>();

  #encode(bytes: Bytes): string {
    let text = this.#encoded.get(bytes);
    if (text === undefined) {
      text = encode(scrubBytes(bytes, this.#scrub));
      this.#encoded.set(bytes, text);
    }
    return text;
  }

  #serialize(threadId: string, namespaces: Storage): ThreadFile {
    const storage: ThreadFile['storage'] = {};
    for (const [namespace, checkpoints] of Object.entries(namespaces))
      storage[namespace] = Object.fromEntries(
        Object.entries(checkpoints).map(([id, [checkpoint, metadata, parent]]) => [
          id,
          [this.#encode(checkpoint), this.#encode(metadata), parent ?? null],
        ]),
      );
    const writes: ThreadFile['writes'] = {};
    for (const key of this.#writeKeys.get(threadId) ?? []) {
      const entries = this.writes[key];
      if (!entries) continue;
      writes[key] = Object.fromEntries(
        Object.entries(entries).map(([inner, [task, channel, value, path]]) => [
          inner,
          [task, channel, this.#encode(value), path ?? null],
        ]),
      );
    }
    return {
      version: 2,
      thread: threadId,
      updatedAt: this.#recent.get(threadId) ?? Date.now(),
      storage,
      writes,
    };
  }

  /** Takes one thread's stored form into memory (`updatedAt` undefined: read back later, its place kept). */
  #restore(
    thread: string,
    storage: ThreadFile['storage'],
    writes: ThreadFile['writes'],
    updatedAt: number | undefined,
  ): void {
    const namespaces: Storage = Object.create(null);
    for (const [namespace, checkpoints] of Object.entries(storage))
      namespaces[namespace] = Object.fromEntries(
        Object.entries(checkpoints).map(([id, [checkpoint, metadata, parent]]) => [
          id,
          [decode(checkpoint), decode(metadata), parent ?? undefined],
        ]),
      );
    this.storage[thread] = namespaces;
    for (const [key, entries] of Object.entries(writes)) {
      (this.writes as Writes)[key] = Object.fromEntries(
        Object.entries(entries).map(([inner, [task, channel, value, path]]) => [
          inner,
          path === null ? [task, channel, decode(value)] : [task, channel, decode(value), path],
        ]),
      ) as Writes[string];
      this.#keysOf(thread).add(key);
    }
    if (updatedAt !== undefined) this.#touch(thread, updatedAt);
    this.#used(thread);
  }

  #loadDirectory(onCorrupt: FileCheckpointerOptions['onCorrupt']): void {
    const loaded: ThreadFile[] = [];
    for (const name of readdirSync(this.#directory)) {
      const file = join(this.#directory, name);
      if (name.endsWith('.tmp')) {
        rmSync(file, { force: true }); // a write the process did not finish; the previous file is intact
        continue;
      }
      if (!name.endsWith('.json')) continue;
      try {
        const data = JSON.parse(readFileSync(file, 'utf8')) as ThreadFile;
        if (data.version !== 2 || typeof data.thread !== 'string' || typeof data.storage !== 'object')
          throw new Error(`not a conversation file (version ${String(data.version)})`);
        loaded.push({ ...data, updatedAt: Number(data.updatedAt) || statSync(file).mtimeMs });
      } catch (error) {
        renameSync(file, `${file}.corrupt-${Date.now()}`);
        onCorrupt?.(error, file);
      }
    }
    // Oldest first, so the LRU order survives the restart; only the newest are loaded, the others indexed.
    loaded.sort((a, b) => a.updatedAt - b.updatedAt);
    const firstLoaded = loaded.length - this.#maxInMemory;
    loaded.forEach((data, index) => {
      if (index >= firstLoaded) this.#restore(data.thread, data.storage, data.writes ?? {}, data.updatedAt);
      else this.#touch(data.thread, data.updatedAt);
    });
  }

  /** Version 1 kept every conversation in one file; its threads are written out as files of their own. */
  #importLegacy(legacyFile: string, onCorrupt: FileCheckpointerOptions['onCorrupt']): void {
    try {
      const data = JSON.parse(readFileSync(legacyFile, 'utf8')) as {
        version: number;
        recent: string[];
        storage: Record<string, ThreadFile['storage']>;
        writes: ThreadFile['writes'];
      };
      if (data.version !== 1) throw new Error(`unknown checkpoint file version ${data.version}`);
      const now = Date.now();
      const order = [...new Set([...data.recent, ...Object.keys(data.storage)])];
      order.forEach((thread, index) => {
        if (this.#recent.has(thread) || !data.storage[thread]) return; // a newer per-thread file wins
        const writes = Object.fromEntries(
          Object.entries(data.writes).filter(([key]) => (JSON.parse(key) as string[])[0] === thread),
        );
        this.#restore(thread, data.storage[thread], writes, now - order.length + index);
        void this.#persist(thread);
      });
      // Renamed only once every thread is in its own file: a crash before that imports it again (files win).
      void this.flush()
        .then(() => {
          this.#unloadExcess();
          return rename(legacyFile, `${legacyFile}.imported-${now}`);
        })
        .catch((error: unknown) => this.#onWriteError?.(error));
    } catch (error) {
      renameSync(legacyFile, `${legacyFile}.corrupt-${Date.now()}`);
      onCorrupt?.(error, legacyFile);
    }
  }
}
