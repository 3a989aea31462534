// Signed chart URLs: HMAC-SHA256 over id + expiry; checked against an independent HMAC computed here.
import { createHmac } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { signChartUrl, verifyChartSignature } from '../../src/app/http/signed-urls.js';

const SECRET = 'a-long-random-secret';
const ID = '0123456789abcdef0123456789abcdef';
const NOW = Date.UTC(2026, 10, 24, 21, 0, 0);

function parts(url: string) {
  const parsed = new URL(url);
  return {
    parsed,
    id: /^\/charts\/([^/]+)\.png$/.exec(parsed.pathname)?.[1] ?? '',
    expires: parsed.searchParams.get('expires') ?? '',
    sig: parsed.searchParams.get('sig') ?? '',
  };
}

describe('signChartUrl', () => {
  test('builds <base>/charts/<id>.png with expiry (unix seconds) and an HMAC-SHA256 signature', () => {
    const { parsed, id, expires, sig } = parts(
      signChartUrl('https://bot.example.com/', ID, SECRET, 3_600_000, NOW),
    );
    expect(parsed.origin).toBe('https://bot.example.com');
    expect(id).toBe(ID);
    expect(Number(expires)).toBe(NOW / 1000 + 3600);
    expect(sig).toBe(createHmac('sha256', SECRET).update(`${ID}.${expires}`).digest('base64url'));
  });

  test('keeps a base path and never doubles the slash', () => {
    expect(signChartUrl('https://example.com/bot//', ID, SECRET, 1000, NOW)).toMatch(
      /^https:\/\/example\.com\/bot\/charts\/[0-9a-f]{32}\.png\?/,
    );
  });

  test('refuses an empty secret rather than signing with it', () => {
    expect(() => signChartUrl('https://x', ID, '', 1000, NOW)).toThrow(/secret/);
  });
});

describe('verifyChartSignature', () => {
  const url = parts(signChartUrl('https://bot.example.com', ID, SECRET, 60_000, NOW));

  test('accepts the URL until it expires', () => {
    expect(verifyChartSignature(url.id, url.expires, url.sig, SECRET, NOW)).toBe(true);
    expect(verifyChartSignature(url.id, url.expires, url.sig, SECRET, NOW + 59_000)).toBe(true);
    expect(verifyChartSignature(url.id, url.expires, url.sig, SECRET, NOW + 60_000)).toBe(false);
  });

  test.each([
    ['another chart id', { id: 'ffffffffffffffffffffffffffffffff' }],
    ['a later expiry', { expires: String(Number(url.expires) + 3600) }],
    ['a tampered signature', { sig: `${url.sig.slice(0, -1)}${url.sig.endsWith('A') ? 'B' : 'A'}` }],
    ['a truncated signature', { sig: url.sig.slice(0, 10) }],
    ['no signature', { sig: undefined }],
    ['a non-numeric expiry', { expires: 'tomorrow' }],
    ['no expiry', { expires: undefined }],
  ])('rejects %s', (_name, change) => {
    const given = { ...url, ...change };
    expect(verifyChartSignature(given.id, given.expires, given.sig, SECRET, NOW)).toBe(false);
  });

  test('rejects a URL signed with another secret, and any URL when the secret is empty', () => {
    expect(verifyChartSignature(url.id, url.expires, url.sig, 'other', NOW)).toBe(false);
    expect(verifyChartSignature(url.id, url.expires, url.sig, '', NOW)).toBe(false);
  });
});
