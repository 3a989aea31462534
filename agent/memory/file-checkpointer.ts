// A LangGraph checkpointer that survives a restart: LangGraph's MemorySaver, persisted to one JSON file in the
// state directory after every write (atomic rename), loaded on start. Only the newest checkpoints of each thread
// are kept, and only the most recently used threads, so the file stays small. A corrupt file is set aside and
// the bot starts with empty memory rather than not at all.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunnableConfig } from '@langchain/core/runnables';

/** [channel, value] as MemorySaver.putWrites takes it. */
type PendingWrite = Parameters<MemorySaver['putWrites']>[1][number];

import { type Checkpoint, type CheckpointMetadata, MemorySaver } from '@langchain/langgraph';

export interface FileCheckpointerOptions {
  path: string;
  /** Checkpoints kept per thread (the latest is all a new turn needs; a few more help debugging). */
  keepPerThread?: number;
  /** Conversations kept; the least recently written are forgotten first. */
  maxThreads?: number;
  onCorrupt?: (error: unknown) => void;
}

type Bytes = Uint8Array;
const encode = (bytes: Bytes) => Buffer.from(bytes).toString('base64');
const decode = (text: string): Bytes => new Uint8Array(Buffer.from(text, 'base64'));

export class FileCheckpointSaver extends MemorySaver {
  readonly #path: string;
  readonly #keepPerThread: number;
  readonly #maxThreads: number;
  /** Thread ids in order of last write, oldest first. */
  readonly #recent: string[] = [];

  constructor(options: FileCheckpointerOptions) {
    super();
    this.#path = options.path;
    this.#keepPerThread = options.keepPerThread ?? 4;
    this.#maxThreads = options.maxThreads ?? 5000;
    try {
      this.#load();
    } catch (error) {
      renameSync(this.#path, `${this.#path}.corrupt-${Date.now()}`);
      this.storage = {};
      this.writes = {};
      options.onCorrupt?.(error);
    }
  }

  override async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
  ): Promise<RunnableConfig> {
    const result = await super.put(config, checkpoint, metadata);
    this.#touch(String(config.configurable?.thread_id ?? ''));
    this.#prune();
    this.#save();
    return result;
  }

  override async putWrites(
    config: RunnableConfig,
    writes: PendingWrite[],
    taskId: string,
    taskPath?: string,
  ): Promise<void> {
    await super.putWrites(config, writes, taskId, taskPath);
    this.#save();
  }

  override async deleteThread(threadId: string): Promise<void> {
    await super.deleteThread(threadId);
    this.#save();
  }

  #touch(threadId: string): void {
    const index = this.#recent.indexOf(threadId);
    if (index >= 0) this.#recent.splice(index, 1);
    this.#recent.push(threadId);
  }

  #prune(): void {
    while (this.#recent.length > this.#maxThreads) {
      const oldest = this.#recent.shift()!;
      delete this.storage[oldest];
      for (const key of Object.keys(this.writes)) if (JSON.parse(key)[0] === oldest) delete this.writes[key];
    }
    for (const [threadId, namespaces] of Object.entries(this.storage)) {
      for (const [namespace, checkpoints] of Object.entries(namespaces)) {
        // Checkpoint ids are time-ordered (uuid v6): the lexicographically largest are the newest.
        const stale = Object.keys(checkpoints).sort().slice(0, -this.#keepPerThread);
        for (const id of stale) {
          delete checkpoints[id];
          delete this.writes[JSON.stringify([threadId, namespace, id])];
        }
      }
    }
  }

  #save(): void {
    const storage = Object.fromEntries(
      Object.entries(this.storage).map(([thread, namespaces]) => [
        thread,
        Object.fromEntries(
          Object.entries(namespaces).map(([namespace, checkpoints]) => [
            namespace,
            Object.fromEntries(
              Object.entries(checkpoints).map(([id, [checkpoint, metadata, parent]]) => [
                id,
                [encode(checkpoint), encode(metadata), parent ?? null],
              ]),
            ),
          ]),
        ),
      ]),
    );
    const writes = Object.fromEntries(
      Object.entries(this.writes).map(([key, entries]) => [
        key,
        Object.fromEntries(
          Object.entries(entries).map(([inner, [task, channel, value, path]]) => [
            inner,
            [task, channel, encode(value), path ?? null],
          ]),
        ),
      ]),
    );
    mkdirSync(dirname(this.#path), { recursive: true });
    const temporary = `${this.#path}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, recent: this.#recent, storage, writes }));
    renameSync(temporary, this.#path);
  }

  #load(): void {
    if (!existsSync(this.#path)) return;
    const data = JSON.parse(readFileSync(this.#path, 'utf8')) as {
      version: number;
      recent: string[];
      storage: Record<string, Record<string, Record<string, [string, string, string | null]>>>;
      writes: Record<string, Record<string, [string, string, string, string | null]>>;
    };
    if (data.version !== 1) throw new Error(`unknown checkpoint file version ${data.version}`);
    this.#recent.push(...data.recent);
    for (const [thread, namespaces] of Object.entries(data.storage)) {
      this.storage[thread] = {};
      for (const [namespace, checkpoints] of Object.entries(namespaces)) {
        this.storage[thread][namespace] = Object.fromEntries(
          Object.entries(checkpoints).map(([id, [checkpoint, metadata, parent]]) => [
            id,
            [decode(checkpoint), decode(metadata), parent ?? undefined],
          ]),
        );
      }
    }
    for (const [key, entries] of Object.entries(data.writes)) {
      this.writes[key] = Object.fromEntries(
        Object.entries(entries).map(([inner, [task, channel, value, path]]) => [
          inner,
          path === null ? [task, channel, decode(value)] : [task, channel, decode(value), path],
        ]),
      );
    }
  }
}
