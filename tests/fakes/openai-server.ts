// A local OpenAI-compatible server for tests: POST /v1/chat/completions answers scripted assistant messages
// (content or tool calls), HTTP errors, or late answers, in order, and records every request body so tests can
// assert the tools offered, the prompts and the number of calls. Real HTTP on 127.0.0.1, so ChatOpenAI and
// the openai client run unmodified.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeToolCall {
  name: string;
  /** An object is sent as JSON; a string is sent as is (to script malformed JSON). */
  arguments: unknown;
  id?: string;
}

export interface FakeCompletion {
  content?: string | null;
  toolCalls?: FakeToolCall[];
}

export type FakeReply =
  | FakeCompletion
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { delayMs: number; then: FakeCompletion };

/** A completion sent after `delayMs` (to test client timeouts); the field is named `then` as specified. */
export function delayed(delayMs: number, completion: FakeCompletion): FakeReply {
  // biome-ignore lint/suspicious/noThenProperty: `then` holds data, never a function, so nothing treats it as a promise
  return { delayMs, then: completion };
}

export interface RecordedRequest {
  model: string;
  messages: { role: string; content: unknown; tool_calls?: unknown }[];
  tools?: {
    type: string;
    function: { name: string; description?: string; parameters: Record<string, unknown> };
  }[];
  tool_choice?: unknown;
  stream?: boolean;
  temperature?: number;
  [key: string]: unknown;
}

export interface FakeOpenAi {
  /** Base URL ending in /v1, for `configuration.baseURL`. */
  url: string;
  /** Every chat completion request body, in arrival order. */
  requests: RecordedRequest[];
  /** Their headers (to check authentication headers). */
  headers: IncomingHttpHeaders[];
  /** Delayed replies actually written (0 when every client hung up first). */
  readonly delayedSent: number;
  enqueue(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

export interface FakeOpenAiOptions {
  /** Answered when the queue is empty; default a 500 saying so, which makes a missing script visible. */
  fallback?: FakeReply;
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let sequence = 0;
  let delayedSent = 0;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || !request.url?.endsWith('/v1/chat/completions')) {
        return sendJson(response, 404, { error: { message: `no route ${request.method} ${request.url}` } });
      }
      let body: RecordedRequest;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest;
      } catch {
        return sendJson(response, 400, { error: { message: 'invalid JSON body' } });
      }
      requests.push(body);
      headers.push(request.headers);
      const reply = queue.shift() ??
        options.fallback ?? { status: 500, body: { error: { message: 'fake: no scripted response' } } };
      sequence += 1;
      if ('status' in reply) return sendJson(response, reply.status, reply.body ?? {}, reply.headers);
      if ('delayMs' in reply) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          delayedSent += 1;
          answer(response, body, reply.then, sequence);
        }, reply.delayMs);
        timers.add(timer);
        response.on('close', () => {
          clearTimeout(timer); // the client gave up (timeout / abort): nothing left to send
          timers.delete(timer);
        });
        return;
      }
      answer(response, body, reply, sequence);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    headers,
    get delayedSent() {
      return delayedSent;
    },
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(
  response: ServerResponse,
  request: RecordedRequest,
  completion: FakeCompletion,
  n: number,
): void {
  if (response.destroyed || response.writableEnded) return;
  const toolCalls = (completion.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${n}_${index}`,
    type: 'function' as const,
    function: {
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
    },
  }));
  const message = {
    role: 'assistant',
    content: completion.content ?? null,
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
  };
  const finishReason = toolCalls.length > 0 ? 'tool_calls' : 'stop';
  const base = { id: `chatcmpl-fake-${n}`, created: Math.floor(Date.now() / 1000), model: request.model };
  if (request.stream) {
    stream(response, base, message, toolCalls, finishReason);
    return;
  }
  sendJson(response, 200, {
    ...base,
    object: 'chat.completion',
    choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  });
}

/** Server-sent events, for a client that streams: the whole message in one delta, then the finish. */
function stream(
  response: ServerResponse,
  base: Record<string, unknown>,
  message: { content: string | null },
  toolCalls: { id: string; type: 'function'; function: { name: string; arguments: string } }[],
  finishReason: string,
): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (delta: Record<string, unknown>, finish: string | null) =>
    response.write(
      `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
    );
  send({ role: 'assistant', content: message.content ?? '' }, null);
  if (toolCalls.length > 0) send({ tool_calls: toolCalls.map((call, index) => ({ index, ...call })) }, null);
  send({}, finishReason);
  response.end('data: [DONE]\n\n');
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  if (response.destroyed || response.writableEnded) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...extraHeaders,
  });
  response.end(text);
}
