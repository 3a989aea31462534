// The one HTTP server of `npm start`. For now it serves readiness; the Slack, Teams and web-chat routes mount
// here as their issues land.
import { createServer, type Server } from 'node:http';
import type { App } from '../app.js';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startServer(app: App): Promise<RunningServer> {
  const startedAt = Date.now();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/healthz') {
      app.data.catalog
        .get()
        .then((catalog) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({
              status: 'ok',
              live: true,
              ready: true,
              warehouse: app.data.warehouse.kind,
              campaigns: catalog.campaigns.length,
              uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
            }),
          );
        })
        .catch(() => {
          response.writeHead(503, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ status: 'unavailable', live: true, ready: false }));
        });
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'not_found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(app.config.http.port, app.config.http.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : app.config.http.port;
  return {
    server,
    url: `http://${app.config.http.host}:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
