// MCP over Streamable HTTP at /mcp, stateless: each POST gets its own server and transport, bound to the user
// whose bearer token it carries. No token, an unknown token or a disabled user's token → 401 with a message
// (the SDK's bearer middleware); no CORS headers at all, so browsers on other origins cannot call it.
import { createHash, timingSafeEqual } from 'node:crypto';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express from 'express';
import type { Logger } from '../../src/core/logger.js';
import { createMcpServer, type McpDeps } from './server.js';

export interface McpHttpSettings {
  tokens: readonly { user: string; token: string }[];
  disabledUsers: readonly string[];
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Token → user, compared in constant time (digests of equal length), so timing says nothing about a token. */
export function createTokenVerifier(settings: McpHttpSettings) {
  const known = settings.tokens.map((entry) => ({ user: entry.user, digest: digest(entry.token) }));
  const disabled = new Set(settings.disabledUsers);
  return {
    async verifyAccessToken(token: string) {
      const presented = digest(token);
      const match = known.find((entry) => timingSafeEqual(entry.digest, presented));
      if (!match) throw new InvalidTokenError('Jeton MCP inconnu : demandez un jeton valide (MCP_TOKENS).');
      if (disabled.has(match.user))
        throw new InvalidTokenError(
          `Utilisateur MCP désactivé (${match.user}) : contactez l'administrateur du bot.`,
        );
      // Static tokens do not expire; the middleware wants an expiry, so each check grants one hour.
      return { token, clientId: match.user, scopes: [], expiresAt: Math.floor(Date.now() / 1000) + 3600 };
    },
  };
}

export function createMcpRouter(deps: McpDeps, settings: McpHttpSettings, logger: Logger): express.Router {
  const router = express.Router();
  const auth = requireBearerAuth({ verifier: createTokenVerifier(settings) });
  router.post('/mcp', auth, express.json({ limit: '256kb' }), async (req, res) => {
    const user = { id: `mcp:${req.auth!.clientId}` };
    const server = createMcpServer(deps, user);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'MCP request failed');
      if (!res.headersSent)
        res.status(500).json({
          jsonrpc: '2.0',
          error: { code: -32603, message: 'Erreur interne du serveur MCP : réessayez.' },
          id: null,
        });
    }
  });
  // Stateless: no server-sent stream to open and no session to end.
  router.all('/mcp', auth, (_req, res) => {
    res
      .status(405)
      .set('Allow', 'POST')
      .json({
        jsonrpc: '2.0',
        error: {
          code: -32000,
          message: 'Méthode non prise en charge : utilisez POST (serveur MCP sans session).',
        },
        id: null,
      });
  });
  return router;
}
