// Answer → the Teams message attachment: the Adaptive Card from renderTeams with its charts. A chart goes inline
// (data URI, no extra request, works without a public URL) when the card stays under the size limit; otherwise
// every chart is served by the bot at GET /charts/<id>.png behind a signed, expiring URL on PUBLIC_BASE_URL.
// Storing and signing are the server's business: the card only receives `publishChart`.
import type { Attachment } from '@microsoft/agents-activity';
import type { Answer } from '../../src/core/answer.js';
import type { Logger } from '../../src/core/logger.js';
import { type AdaptiveCard, renderTeams } from './render.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface ChartImage {
  id: string;
  png: Buffer;
  title: string;
  alt: string;
}

export interface CardDeps {
  renderCharts(answer: Answer): Promise<ChartImage[]>;
  /**
   * Keeps a chart PNG on the server and returns its public, signed, expiring URL (GET /charts/<id>.png on
   * PUBLIC_BASE_URL). Absent when the server has no public URL: a chart too large to inline is then left out.
   */
  publishChart?(png: Buffer): string;
  currency: string;
  logger: Logger;
}

type Images = Record<string, { url: string }>;

const dataUri = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

function imageUrls(card: AdaptiveCard): Set<string> {
  return new Set(card.body.flatMap((element) => (element.type === 'Image' ? [element.url] : [])));
}

async function renderSafely(deps: CardDeps, answer: Answer): Promise<ChartImage[]> {
  if (answer.charts.length === 0) return [];
  try {
    return await deps.renderCharts(answer);
  } catch (error) {
    // The card still carries the figures and the table: a missing chart is logged, not a failed answer.
    deps.logger.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'teams chart rendering failed',
    );
    return [];
  }
}

export async function answerCard(deps: CardDeps, answer: Answer, answerId: string): Promise<AdaptiveCard> {
  const charts = await renderSafely(deps, answer);
  const inline: Images = Object.fromEntries(charts.map((chart) => [chart.id, { url: dataUri(chart.png) }]));
  const card = renderTeams(answer, { currency: deps.currency, images: inline, answerId });
  const shown = imageUrls(card);
  const dropped = charts.filter((chart) => !shown.has(dataUri(chart.png)));
  if (dropped.length === 0) return card;
  const { publishChart } = deps;
  if (!publishChart) {
    deps.logger.warn(
      { charts: dropped.length },
      'teams chart too large to inline and PUBLIC_BASE_URL is not set: the card goes without it',
    );
    return card;
  }
  // All charts by URL (not only the dropped ones): URLs are tiny, so the card is certain to fit this time.
  const linked: Images = Object.fromEntries(
    charts.map((chart) => [chart.id, { url: publishChart(chart.png) }]),
  );
  return renderTeams(answer, { currency: deps.currency, images: linked, answerId });
}

export const cardAttachment = (card: AdaptiveCard | Record<string, unknown>): Attachment => ({
  contentType: ADAPTIVE_CARD_CONTENT_TYPE,
  content: card,
});
