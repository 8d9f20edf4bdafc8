import type { Express, Request } from 'express';
import { sendError } from '../../marketplace/sandbox/respond.js';
import type { VosoRouteContext } from './route-context.js';

/** The client authenticating at the token endpoint: HTTP Basic (preferred) or form fields (RFC 6749 §2.3.1). */
function clientOf(req: Request): { clientId?: string; clientSecret?: string } {
  const basic = /^Basic (\S+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  const field = (name: string) => (typeof req.body?.[name] === 'string' ? (req.body[name] as string) : undefined);
  return { clientId: field('client_id'), clientSecret: field('client_secret') };
}

/**
 * POST /oauth2/token: client credentials (§4.4, the client's own sandbox shop), authorization code
 * (§4.1.3) and refresh token (§6, rotated). Codes, tokens and revocation: ../sandbox-grants.ts.
 */
export function registerOAuthRoutes(app: Express, ctx: VosoRouteContext): void {
  app.post('/oauth2/token', (req, res) => {
    ctx.count('POST /oauth2/token');
    const { clientId, clientSecret } = clientOf(req);
    const grantType = req.body?.grant_type;
    if (grantType !== 'client_credentials' && grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      return sendError(res, 400, 'unsupported_grant_type', 'grant_type must be client_credentials, authorization_code or refresh_token');
    }
    if (!ctx.clients.some((c) => c.clientId === clientId && c.clientSecret === clientSecret)) {
      return sendError(res, 401, 'invalid_client', 'unknown client or wrong secret');
    }
    res.setHeader('cache-control', 'no-store');
    ctx.state.tokensIssued += 1;
    if (grantType === 'client_credentials') {
      const issued = ctx.grants.issueClientToken(ctx.clientShop);
      return res.json({ access_token: issued.token, token_type: 'bearer', expires_in: issued.expiresIn, scope: 'products orders' });
    }
    const answer =
      grantType === 'authorization_code'
        ? ctx.grants.redeemCode(String(req.body?.code ?? ''), clientId as string, String(req.body?.redirect_uri ?? ''))
        : ctx.grants.refresh(String(req.body?.refresh_token ?? ''), clientId as string);
    if (!answer) {
      ctx.state.tokensIssued -= 1;
      return sendError(res, 400, 'invalid_grant', grantType === 'authorization_code' ? 'the code is unknown, used, expired, or for another client or redirect_uri' : 'the refresh token is unknown, used, expired or revoked: the shop must authorise again');
    }
    res.json(answer);
  });
}
