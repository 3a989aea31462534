// The local web chat wired to the app: questions through the same pipeline as every surface, the web API's own
// limits (per client address, then all web clients together: a client cannot mint conversation ids to get
// round the per-user limit), and charts drawn only when the page asks for them (GET /charts/<id>.png), two at a
// time, so a burst of answers costs no rendering up front and renders never pile up in memory.
import PQueue from 'p-queue';
import { createWebChatAdapter, type WebChatAdapter } from '../../adapters/playground/web-chat-adapter.js';
import type { Answer } from '../core/answer.js';
import type { App } from './app.js';
import { CHART_TTL_MS, chartRequestWeight } from './http/chart-store.js';
import { signChartUrl } from './http/signed-urls.js';
import { createRateLimiter } from './rate-limit.js';

export function webChatFor(app: App): WebChatAdapter {
  const chartLine = new PQueue({ concurrency: 2 });
  async function renderCharts(answer: Answer): Promise<Record<string, { url: string }>> {
    const images: Record<string, { url: string }> = {};
    // The drawing closure holds the chart request and the language only, not the whole answer (its rows and
    // provenance would stay in memory as long as the chart's URL).
    const context = { currency: app.config.currency, language: answer.language };
    for (const request of answer.charts) {
      const id = app.chartStore.putLazy(
        async () => {
          const rendered = await chartLine.add(() => app.charts.render(request, context));
          if (!rendered) throw new Error('chart rendering returned nothing');
          return rendered.png;
        },
        (error) =>
          app.logger.warn(
            { err: error instanceof Error ? error.message : String(error) },
            'chart rendering failed',
          ),
        chartRequestWeight(request),
      );
      images[request.id] = { url: signChartUrl('', id, app.chartUrlSecret, CHART_TTL_MS, Date.now()) };
    }
    return images;
  }

  const perAddress = createRateLimiter({ perMinute: app.config.webRateLimit.perAddressPerMinute, burst: 0 });
  const allClients = createRateLimiter({ perMinute: app.config.webRateLimit.globalPerMinute, burst: 0 });
  const admit = async (address: string) => {
    const own = await perAddress.take(`web-address:${address}`);
    if (!own.allowed) {
      const seconds = Math.max(1, Math.ceil(own.retryAfterMs / 1000));
      return { ...own, message: `Trop de questions depuis votre poste : réessayez dans ${seconds} s.` };
    }
    const shared = await allClients.take('web-all');
    if (!shared.allowed) {
      await perAddress.refund(`web-address:${address}`);
      const seconds = Math.max(1, Math.ceil(shared.retryAfterMs / 1000));
      return {
        ...shared,
        message: `Je reçois beaucoup de questions en ce moment : réessayez dans ${seconds} s.`,
      };
    }
    return shared;
  };

  return createWebChatAdapter(
    { url: `http://${app.config.http.host}:${app.config.http.port}/` },
    {
      ask: (question) => app.agent.ask(question),
      admit,
      renderCharts,
      recordFeedback: (feedback) => app.feedback.record({ ...feedback, surface: 'web' }),
      currency: app.config.currency,
      logger: app.logger,
    },
  );
}
