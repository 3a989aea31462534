// The one HTTP server of `npm start` (express): readiness, rendered charts, the local web chat and its API.
// The Slack and Teams endpoints mount here too as their adapters land.
import type { Server } from 'node:http';
import express from 'express';
import { createPlaygroundRouter } from '../../../adapters/playground/router.js';
import type { Answer } from '../../core/answer.js';
import type { App } from '../app.js';
import { CHART_TTL_MS } from './chart-store.js';
import { signChartUrl, verifyChartSignature } from './signed-urls.js';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export function createHttpApp(app: App, platformRouters: express.Router[] = []): express.Express {
  const startedAt = Date.now();
  const charts = app.chartStore;
  const web = express();
  web.disable('x-powered-by');

  web.get('/healthz', async (_request, response) => {
    try {
      const [catalog, state] = await Promise.all([app.data.catalog.get(), app.stateHealth()]);
      response.json({
        status: state.status,
        live: true,
        ready: true,
        ...(state.reasons.length > 0 ? { reasons: state.reasons } : {}),
        warehouse: app.data.warehouse.kind,
        campaigns: catalog.campaigns.length,
        questions: app.answerQueue.stats(),
        state: { auditUnwritten: state.auditUnwritten, auditDropped: state.auditDropped },
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      });
    } catch {
      response.status(503).json({ status: 'unavailable', live: true, ready: false });
    }
  });

  web.get('/charts/:file', (request, response) => {
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
    const png = signed ? charts.get(id) : undefined;
    if (!png) {
      response.status(404).json({ error: 'chart_not_found' });
      return;
    }
    response.type('png').set('cache-control', 'private, max-age=86400').send(png);
  });

  async function renderCharts(answer: Answer): Promise<Record<string, { url: string }>> {
    const images: Record<string, { url: string }> = {};
    for (const request of answer.charts) {
      const rendered = await app.charts.render(request, {
        currency: app.config.currency,
        language: answer.language,
      });
      images[request.id] = {
        url: signChartUrl('', charts.put(rendered.png), app.chartUrlSecret, CHART_TTL_MS, Date.now()),
      };
    }
    return images;
  }

  // Platform endpoints (POST /slack/events, POST /api/messages) come first: they parse their own bodies.
  for (const router of platformRouters) web.use(router);

  web.use(
    createPlaygroundRouter({
      ask: (question) => app.agent.ask(question),
      renderCharts,
      recordFeedback: (feedback) => app.feedback.record({ ...feedback, surface: 'web' }),
      currency: app.config.currency,
      logger: app.logger,
    }),
  );

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

export async function startServer(app: App, platformRouters: express.Router[] = []): Promise<RunningServer> {
  const web = createHttpApp(app, platformRouters);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = web.listen(app.config.http.port, app.config.http.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : app.config.http.port;
  return {
    server,
    url: `http://${app.config.http.host}:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
