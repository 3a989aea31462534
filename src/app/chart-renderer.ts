// Every surface's charts come from the one server-side renderer (vega-lite → SVG → PNG), in the answer's language
// and the configured currency.
import type { Answer } from '../core/answer.js';
import type { App } from './app.js';

/** The charts of an answer as PNGs, for adapters that upload or link them. */
export function chartRendererFor(app: App) {
  return async (answer: Answer) =>
    Promise.all(
      answer.charts.map(async (request) => {
        const chart = await app.charts.render(request, {
          currency: app.config.currency,
          language: answer.language,
        });
        return { id: request.id, png: chart.png, title: chart.title, alt: chart.alt };
      }),
    );
}
