import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { sendError } from '../../marketplace/sandbox/respond.js';
import type { VosoRouteContext } from './route-context.js';

/** OAuth2 client credentials (RFC 6749 §4.4): POST /oauth2/token. */
export function registerOAuthRoutes(app: Express, ctx: VosoRouteContext): void {
  app.post('/oauth2/token', (req, res) => {
    ctx.count('POST /oauth2/token');
    const basic = /^Basic (\S+)$/i.exec(req.headers.authorization ?? '');
    let clientId = typeof req.body?.client_id === 'string' ? req.body.client_id : undefined;
    let clientSecret = typeof req.body?.client_secret === 'string' ? req.body.client_secret : undefined;
    if (basic) {
      const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, colon));
      clientSecret = decodeURIComponent(decoded.slice(colon + 1));
    }
    if (req.body?.grant_type !== 'client_credentials') {
      return sendError(res, 400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    }
    if (!ctx.clients.some((c) => c.clientId === clientId && c.clientSecret === clientSecret)) {
      return sendError(res, 401, 'invalid_client', 'unknown client or wrong secret');
    }
    const token = randomBytes(24).toString('base64url');
    ctx.tokens.set(token, Date.now() + ctx.ttlSeconds * 1000);
    ctx.state.tokensIssued += 1;
    res.setHeader('cache-control', 'no-store');
    res.json({ access_token: token, token_type: 'bearer', expires_in: ctx.ttlSeconds, scope: 'products orders' });
  });
}
