// A local fake of Slack's Socket Mode WebSocket endpoint: greets each connection with `hello` (as Slack does),
// lets a test push envelopes (events_api, slash_commands, interactive) and records the client's acks.
// `ws` (already in node_modules as a transitive dependency; no bundled types) is loaded through createRequire with
// the few members used typed here.
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

interface WsSocket {
  send(data: string): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  close(): void;
}
interface WsServer {
  on(event: 'connection', listener: (socket: WsSocket) => void): void;
  once(event: string, listener: () => void): void;
  address(): AddressInfo;
  clients: Set<WsSocket>;
  close(callback: () => void): void;
}
type WsServerClass = new (options: { host: string; port: number }) => WsServer;
// ws ≥ 8 names the class WebSocketServer; older majors (the one hoisted today is 5.x) only expose `Server`.
const ws = createRequire(import.meta.url)('ws') as {
  WebSocketServer?: WsServerClass;
  Server?: WsServerClass;
};
const WebSocketServer = (ws.WebSocketServer ?? ws.Server) as WsServerClass;

export interface FakeSocketServer {
  url: string;
  acks: { envelope_id: string; payload?: unknown }[];
  connections: number;
  /** Sends an envelope to every connected client. */
  push(envelope: Record<string, unknown>): void;
  close(): Promise<void>;
}

export async function startFakeSocketServer(): Promise<FakeSocketServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server as unknown as NodeJS.EventEmitter, 'listening');
  const fake: FakeSocketServer = {
    url: `ws://127.0.0.1:${server.address().port}/link/?ticket=fake-ticket`,
    acks: [],
    connections: 0,
    push(envelope) {
      for (const client of server.clients) client.send(JSON.stringify(envelope));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.close();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket) => {
    fake.connections += 1;
    socket.on('message', (data) => {
      fake.acks.push(JSON.parse(data.toString('utf8')) as { envelope_id: string });
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
  });
  return fake;
}
