// A local fake of the Slack Web API for the adapter's tests: answers the methods the bot uses, records every call
// with its decoded body, and can be scripted to fail the next call(s) of a method (429 + Retry-After, or an error
// such as not_in_channel / missing_scope). files.getUploadURLExternal hands out an upload URL on this same server.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** Form fields or JSON body; the SDK sends `blocks` / `files` as JSON strings inside forms. */
  body: Record<string, unknown>;
  authorization?: string;
  /** For the raw file upload: how many bytes arrived. */
  bytes?: number;
  /** What the fake answered (e.g. the ts of a posted message). */
  response?: Record<string, unknown>;
  at: number;
}

export type ScriptedFailure =
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 }
  | { error: string; needed?: string }
  /** Replies only after this long (past the client's timeout: the client gives up and retries). With `reached`
   * (the default) Slack did the work at once, only the reply is late; `reached: false` = the request never got
   * there (nothing happens, and the late reply is a 504). */
  | { hangMs: number; reached?: boolean };

export interface FakeSlackWebApi {
  /** Base URL to give as slackApiUrl (ends with /api/). */
  apiUrl: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** The next `times` calls of `method` fail this way. */
  failNext(method: string, failure: ScriptedFailure, times?: number): void;
  /** What apps.connections.open returns (the fake Socket Mode server). */
  socketUrl?: string;
  /** Identity returned by auth.test; set `authError` to make auth.test fail. */
  identity: { user_id: string; bot_id: string; team_id: string };
  authError?: string;
  /** What a channel holds now (chat.postMessage that Slack carried out), newest first. */
  messagesIn(channel: string): Record<string, unknown>[];
  /** Set to make conversations.history/replies fail with this error (e.g. 'missing_scope'). */
  historyError?: string;
  /**
   * Channels conversations.info knows (any other is channel_not_found), and whether the bot is in them; a public
   * one is joined by conversations.join, a private one is not (only an /invite adds the bot).
   */
  channels: Record<string, { is_member: boolean; is_private?: boolean; is_archived?: boolean }>;
  /** Set to make assistant.threads.setStatus fail with this error (an app without assistant:write). */
  statusError?: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function decode(raw: Buffer, contentType: string): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (contentType.includes('application/json'))
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) out[key] = value;
  return out;
}

export async function startFakeSlackWebApi(): Promise<FakeSlackWebApi> {
  const failures = new Map<string, ScriptedFailure[]>();
  let tsCounter = 0;
  let fileCounter = 0;
  const nextTs = () => `1712000${String(100 + tsCounter++).padStart(3, '0')}.000${100 + tsCounter}`;

  const server: Server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/upload/')) {
      fake.calls.push({
        method: 'upload',
        body: { file: url.pathname.slice(8) },
        bytes: raw.length,
        at: Date.now(),
      });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('OK - 200');
      return;
    }
    if (url.pathname.startsWith('/respond/')) {
      fake.calls.push({ method: 'response_url', body: decode(raw, 'application/json'), at: Date.now() });
      reply(200, { ok: true });
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const body = decode(raw, String(request.headers['content-type'] ?? ''));
    const authorization = request.headers.authorization;
    const call: RecordedCall = { method, body, at: Date.now(), ...(authorization ? { authorization } : {}) };
    fake.calls.push(call);

    const scripted = failures.get(method)?.shift();
    if (scripted && 'status' in scripted && scripted.status === 429) {
      reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(scripted.retryAfter) });
      return;
    }
    if (scripted && 'status' in scripted) {
      response.writeHead(scripted.status, { 'content-type': 'text/html' }).end('<html>upstream error</html>');
      return;
    }
    if (scripted && 'hangMs' in scripted) {
      const reached = scripted.reached ?? true;
      if (reached) call.response = answer(method, body);
      // Unref'd: a hang still pending when a test ends must not keep jest's worker alive.
      await new Promise((resolve) => setTimeout(resolve, scripted.hangMs).unref());
      if (response.destroyed) return; // the client gave up (or was killed)
      if (reached) reply(200, call.response);
      else reply(504, { ok: false, error: 'gateway_timeout' });
      return;
    }
    if (scripted) {
      reply(200, {
        ok: false,
        error: scripted.error,
        ...(scripted.needed ? { needed: scripted.needed } : {}),
      });
      return;
    }
    call.response = answer(method, body);
    reply(200, call.response);
  });

  /** Messages posted with chat.postMessage, per channel, newest first (what conversations.history returns). */
  const history = new Map<string, Record<string, unknown>[]>();
  const parseJson = (value: unknown) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  };

  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'conversations.history':
      case 'conversations.replies': {
        if (fake.historyError) return { ok: false, error: fake.historyError, needed: 'channels:history' };
        const withMetadata = String(body.include_all_metadata) === 'true';
        const all = history.get(String(body.channel)) ?? [];
        const inThread =
          method === 'conversations.replies'
            ? all.filter((message) => message.thread_ts === body.ts || message.ts === body.ts)
            : all.filter((message) => !message.thread_ts || message.thread_ts === message.ts);
        const messages = inThread
          .slice(0, Number(body.limit ?? 100))
          .map(({ metadata, ...message }) => (withMetadata && metadata ? { ...message, metadata } : message));
        return { ok: true, messages, has_more: false };
      }
      case 'auth.test':
        if (fake.authError) return { ok: false, error: fake.authError };
        return {
          ok: true,
          url: 'https://fake.slack.com/',
          team: 'Fake',
          user: 'marketing-bot',
          ...fake.identity,
        };
      case 'chat.postMessage': {
        const ts = nextTs();
        const metadata = parseJson(body.metadata);
        const stored = {
          type: 'message',
          bot_id: fake.identity.bot_id,
          text: body.text,
          ts,
          ...(body.thread_ts ? { thread_ts: body.thread_ts } : {}),
          ...(metadata ? { metadata } : {}),
        };
        history.set(String(body.channel), [stored, ...(history.get(String(body.channel)) ?? [])]);
        return { ok: true, channel: body.channel, ts, message: { text: body.text, ts } };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'conversations.join': {
        const known = fake.channels[String(body.channel)];
        if (known?.is_private) return { ok: false, error: 'method_not_supported_for_channel_type' };
        if (known) known.is_member = true;
        return { ok: true, channel: { id: body.channel } };
      }
      case 'conversations.info': {
        const known = fake.channels[String(body.channel)];
        if (!known) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: { id: body.channel, is_channel: !known.is_private, ...known } };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${String(++fileCounter).padStart(6, '0')}`;
        return { ok: true, file_id: id, upload_url: `${origin}/upload/${id}` };
      }
      case 'files.completeUploadExternal': {
        const files = JSON.parse(String(body.files ?? '[]')) as { id: string; title?: string }[];
        return { ok: true, files: files.map((file) => ({ id: file.id, title: file.title })) };
      }
      case 'assistant.threads.setStatus':
        if (fake.statusError) return { ok: false, error: fake.statusError, needed: 'assistant:write' };
        if (!body.channel_id || !body.thread_ts) return { ok: false, error: 'invalid_arguments' };
        return { ok: true };
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        if (!body.channel_id || !body.thread_ts) return { ok: false, error: 'invalid_arguments' };
        return { ok: true };
      case 'chat.startStream': {
        const ts = nextTs();
        const stored = { type: 'message', bot_id: fake.identity.bot_id, ts, thread_ts: body.thread_ts };
        history.set(String(body.channel), [stored, ...(history.get(String(body.channel)) ?? [])]);
        return { ok: true, channel: body.channel, ts };
      }
      case 'chat.appendStream':
      case 'chat.stopStream':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users ?? 'X').replace(/^U/, '')}` } };
      case 'apps.connections.open':
        return fake.socketUrl ? { ok: true, url: fake.socketUrl } : { ok: false, error: 'invalid_auth' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeSlackWebApi = {
    apiUrl: `${origin}/api/`,
    calls: [],
    callsTo: (method) => fake.calls.filter((call) => call.method === method),
    failNext(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(failure);
      failures.set(method, queue);
    },
    identity: { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' },
    channels: {},
    messagesIn: (channel) => [...(history.get(channel) ?? [])],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** The response_url to put in slash-command payloads so `respond()` lands on the fake. */
export function responseUrl(fake: FakeSlackWebApi, id = 'cmd1'): string {
  return fake.apiUrl.replace(/\/api\/$/, `/respond/${id}`);
}
