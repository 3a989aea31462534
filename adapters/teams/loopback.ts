// Without an app id nothing verifies who calls /api/messages, so only this machine may: the Bot Framework Emulator
// and tests. A request relayed by a local reverse proxy or tunnel (ngrok, nginx) also arrives from 127.0.0.1 but
// comes from the network; proxies announce themselves with forwarding headers, so such requests are refused too.
import type { IncomingMessage } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

export function isLoopbackRequest(request: IncomingMessage): boolean {
  const address = request.socket.remoteAddress;
  if (!address || !LOOPBACK.has(address)) return false;
  return FORWARDING_HEADERS.every((header) => request.headers[header] === undefined);
}
