// A local stand-in for an Entra authority's signing keys (and the Bot Framework's OpenID metadata), so tests can send
// requests carrying a JWT the real Agents SDK CloudAdapter verifies end to end (signature, issuer, audience, expiry,
// serviceUrl claim). The SDK fetches the keys of any issuer but api.botframework.com from
// `<authorityEndpoint>/discovery/v2.0/keys`: point `authorityEndpoint` at `authority` and sign with `issuer`.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';

export const CHANNEL_ISSUER = 'https://api.botframework.com';
const TENANT_PATH = 'fake-tenant';

export interface FakeOpenId {
  /** The OpenID metadata URL (Bot Framework style). */
  metadataUrl: string;
  /** The authority to configure as the SDK's `authorityEndpoint` (its keys are served below it). */
  authority: string;
  /** The issuer of the tokens `token()` signs (the authority's v2.0 issuer, accepted by the SDK's defaults). */
  issuer: string;
  /** A Bearer token signed with the published key; `claims` override the defaults. */
  token(claims: Record<string, unknown>, options?: { kid?: string; key?: KeyObject }): string;
  /** A key that is not published (a forged token). */
  strangerKey: KeyObject;
  close(): Promise<void>;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export async function startFakeOpenId(): Promise<FakeOpenId> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = 'test-key-1';
  const jwk = publicKey.export({ format: 'jwk' });
  const web = express();
  let origin = '';
  web.get('/v1/.well-known/openidconfiguration', (_request, response) => {
    response.json({
      issuer: CHANNEL_ISSUER,
      jwks_uri: `${origin}/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });
  const keys = (_request: express.Request, response: express.Response) => {
    response.json({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
  };
  web.get('/v1/.well-known/keys', keys);
  web.get(`/${TENANT_PATH}/discovery/v2.0/keys`, keys);
  const server = await new Promise<Server>((resolve) => {
    const listening = web.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const authority = `${origin}/${TENANT_PATH}`;
  const issuer = `${authority}/v2.0`;
  return {
    metadataUrl: `${origin}/v1/.well-known/openidconfiguration`,
    authority,
    issuer,
    strangerKey: stranger,
    token(claims, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? kid }));
      const payload = base64url(JSON.stringify({ iss: issuer, nbf: now - 10, exp: now + 600, ...claims }));
      const signature = createSign('RSA-SHA256')
        .update(`${header}.${payload}`)
        .sign(options.key ?? privateKey);
      return `${header}.${payload}.${base64url(signature)}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
