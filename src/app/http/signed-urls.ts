// Signed, expiring chart URLs. Chart ids are already random, but a card shared outside the conversation (a
// forwarded message, a screenshot of the link) must not keep working forever: the URL carries an expiry and an
// HMAC-SHA256 of `id.expiry` with a server secret, so nobody can extend or forge one without the secret.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Unix seconds: short in the URL, and a second is fine-grained enough for an expiry. */
const toSeconds = (ms: number) => Math.floor(ms / 1000);

function signature(id: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`${id}.${expires}`).digest('base64url');
}

/** `<base>/charts/<id>.png?expires=<unix s>&sig=<base64url HMAC>`; `base` may end with a slash. */
export function signChartUrl(base: string, id: string, secret: string, ttlMs: number, now: number): string {
  if (!secret) throw new Error('signChartUrl: empty secret');
  const expires = toSeconds(now + ttlMs);
  const root = base.replace(/\/+$/, '');
  return `${root}/charts/${encodeURIComponent(id)}.png?expires=${expires}&sig=${signature(id, expires, secret)}`;
}

/**
 * For the GET /charts route: true only for an unexpired URL signed with `secret`. Inputs come straight from the
 * query string, so anything malformed is simply false (never an exception).
 */
export function verifyChartSignature(
  id: string,
  expires: string | number | undefined,
  sig: string | undefined,
  secret: string,
  now: number,
): boolean {
  if (!secret || !id || typeof sig !== 'string' || sig.length === 0) return false;
  const expiry = typeof expires === 'number' ? expires : Number(expires);
  if (!Number.isSafeInteger(expiry) || expiry <= toSeconds(now)) return false;
  const expected = Buffer.from(signature(id, expiry, secret));
  const given = Buffer.from(sig);
  // timingSafeEqual throws on different lengths; the length of a valid signature is public anyway.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface ChartPublisherSettings {
  /** Where GET /charts is reached: PUBLIC_BASE_URL for Teams, '' (a relative URL) for the web chat. */
  baseUrl: string;
  /** Signs the URLs (HMAC-SHA256): any long random string. */
  secret: string;
  /** How long a URL works; the chart store should keep charts at least as long. */
  ttlMs: number;
}

/**
 * Keeps a chart PNG in the chart store and returns its signed, expiring URL: what the server hands to surfaces
 * that link charts (Teams cards, the web chat), so they never see the store or the secret.
 */
export function createChartPublisher(
  settings: ChartPublisherSettings,
  deps: { chartStore: { put(png: Buffer): string }; now?: () => number },
): (png: Buffer) => string {
  // A short or empty key would make chart URLs forgeable: refuse to start rather than sign with it.
  if (settings.secret.length < 16) throw new Error('createChartPublisher: the secret needs 16+ characters');
  const now = deps.now ?? Date.now;
  return (png) =>
    signChartUrl(settings.baseUrl, deps.chartStore.put(png), settings.secret, settings.ttlMs, now());
}
