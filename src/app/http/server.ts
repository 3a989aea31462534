// The one HTTP server of `npm start` (express): readiness, rendered charts, and the routers of the platform
// adapters it is given (Slack, Teams, the local web chat; see platforms.ts). It knows no platform itself.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import express from 'express';
import { AppError, userMessage } from '../../core/errors.js';
import type { App } from '../app.js';
import { type HealthProbe, type HealthState, startHealthProbe } from './health-probe.js';
import { lowerHelperThreads } from './helper-threads.js';
import { createRequestPacer } from './request-pacer.js';
import { verifyChartSignature } from './signed-urls.js';

export interface RunningServer {
  server: Server;
  url: string;
  /** The health probe on HEALTH_PORT (its own thread), when set and listening. */
  health?: HealthProbe;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Tests only: the health probe's stall threshold (health-probe.ts STALL_AFTER_MS otherwise). */
  healthStallAfterMs?: number;
}

/**
 * The /healthz answer (main port and health probe alike). It never waits on the answer queue, the warehouse or the
 * disk once the first check is done: the catalog size and the state check are refreshed in the background and
 * answered from their last value, so a load balancer sees a busy process as alive and ready, not as dead.
 */
export function createHealthState(app: App): () => Promise<HealthState> {
  const startedAt = Date.now();
  let catalogSize: { campaigns: number } | { failed: true } | undefined;
  let refreshingCatalog: Promise<void> | undefined;
  const refreshCatalog = () => {
    refreshingCatalog ??= app.data.catalog
      .get()
      .then(
        (catalog) => {
          catalogSize = { campaigns: catalog.campaigns.length };
        },
        () => {
          catalogSize = { failed: true };
        },
      )
      .finally(() => {
        refreshingCatalog = undefined;
      });
    return refreshingCatalog;
  };
  return async () => {
    if (catalogSize) void refreshCatalog();
    else await refreshCatalog();
    const state = await app.stateHealth();
    if (!catalogSize || 'failed' in catalogSize)
      return { code: 503, body: { status: 'unavailable', live: true, ready: false } };
    return {
      code: 200,
      body: {
        status: state.status,
        live: true,
        ready: true,
        ...(state.reasons.length > 0 ? { reasons: state.reasons } : {}),
        warehouse: app.data.warehouse.kind,
        campaigns: catalogSize.campaigns,
        questions: app.answerQueue.stats(),
        state: { auditUnwritten: state.auditUnwritten, auditDropped: state.auditDropped },
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      },
    };
  };
}

export function createHttpApp(app: App, routers: express.Router[] = []): express.Express {
  const charts = app.chartStore;
  const web = express();
  web.disable('x-powered-by');

  const health = createHealthState(app);
  web.get('/healthz', async (_request, response) => {
    const { code, body } = await health();
    response.status(code).json(body);
  });

  web.get('/charts/:file', async (request, response) => {
    const id = /^([0-9a-f]{32})\.png$/.exec(request.params.file)?.[1];
    const { expires, sig } = request.query;
    // Only signed, unexpired links work: a chart URL cannot be guessed or kept forever.
    const signed =
      id !== undefined &&
      verifyChartSignature(
        id,
        typeof expires === 'string' ? expires : undefined,
        typeof sig === 'string' ? sig : undefined,
        app.chartUrlSecret,
        Date.now(),
      );
    if (!signed) {
      response.status(404).json({ error: 'chart_not_found' });
      return;
    }
    const png = await charts.load(id);
    if (!png) {
      // A link we signed whose chart is gone (evicted from the bounded store, a restart, a drawing that failed):
      // 410 says it existed, and the message says what to do.
      response
        .status(410)
        .json({ error: 'chart_gone', message: userMessage(new AppError('CHART_GONE', id)) });
      return;
    }
    response.type('png').set('cache-control', 'private, max-age=86400').send(png);
  });

  // Platform endpoints (POST /slack/events, POST /api/messages) come first: they parse their own bodies. The web
  // chat's pages and API come last in the list.
  for (const router of routers) web.use(router);

  web.use((_request, response) => {
    response.status(404).json({ error: 'not_found' });
  });
  // Last resort: never a stack trace to a caller.
  web.use(
    (error: unknown, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
      // A body the parser refused (bad JSON, too large) is the caller's mistake: say so, with its status.
      const status = (error as { status?: unknown } | null)?.status;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        if (!response.headersSent)
          response
            .status(status)
            .json({ error: 'Requête invalide : envoyez un JSON valide et de taille raisonnable.' });
        return;
      }
      app.logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'HTTP handler failed',
      );
      if (!response.headersSent)
        response.status(500).json({ error: 'Erreur interne. Réessayez dans un instant.' });
    },
  );
  return web;
}

function isHealthCheck(request: IncomingMessage): boolean {
  return (
    request.method === 'GET' && (request.url === '/healthz' || request.url?.startsWith('/healthz?') === true)
  );
}

/** Connections the kernel may hold before the server accepts them. */
const ACCEPT_BACKLOG = 4096;

export async function startServer(
  app: App,
  routers: express.Router[] = [],
  options: ServerOptions = {},
): Promise<RunningServer> {
  const web = createHttpApp(app, routers);
  // A burst of requests reaches express a few per turn of the event loop; /healthz is answered at once.
  const perTurn = app.config.http.requestsPerTurn;
  const server = createServer(
    perTurn > 0
      ? createRequestPacer(web, {
          perTurn,
          priority: isHealthCheck,
          onError: (error) =>
            app.logger.error(
              { err: error instanceof Error ? error.message : String(error) },
              'HTTP handler threw',
            ),
        }).listener
      : web,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Node's default accept backlog (511) overflowed under 1,000 simultaneous questions: the kernel dropped the
    // extra connections and clients (a load balancer's /healthz among them) waited a 1 s SYN retransmit. The kernel
    // caps it at net.core.somaxconn.
    server.listen({ port: app.config.http.port, host: app.config.http.host, backlog: ACCEPT_BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // From now on the main thread wins the cores over the process's other threads (src/app/http/helper-threads.ts).
  lowerHelperThreads(app.config.backgroundThreadNice, app.logger);
  // Started after that, so its thread keeps the main thread's priority.
  const health = app.config.http.healthPort
    ? await startHealthProbe({
        host: app.config.http.host,
        port: app.config.http.healthPort,
        logger: app.logger,
        state: createHealthState(app),
        stallAfterMs: options.healthStallAfterMs,
      })
    : undefined;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : app.config.http.port;
  return {
    server,
    url: `http://${app.config.http.host}:${port}/`,
    ...(health ? { health } : {}),
    close: async () => {
      await health?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
