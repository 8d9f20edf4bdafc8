import type { Express, Request, Response, Router } from 'express';
import { sendError } from '../../marketplace/sandbox/respond.js';
import type { VosoRouteContext } from './route-context.js';

/** Shop ids the sandbox accepts at its (simulated) seller login. */
const SHOP_ID = /^[A-Za-z0-9_-]{1,40}$/;
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The authorisation request's parameters, or the reason it cannot be answered (an unknown client is never redirected to). */
function authorizationRequest(ctx: VosoRouteContext, source: Record<string, unknown>): { clientId: string; redirectUri: string; state: string } | string {
  const { response_type: responseType, client_id: clientId, redirect_uri: redirectUri, state } = source;
  if (typeof clientId !== 'string' || !ctx.clients.some((c) => c.clientId === clientId)) return 'unknown client_id';
  if (typeof redirectUri !== 'string' || !/^https?:\/\//.test(redirectUri)) return 'redirect_uri must be an http(s) URL';
  if (responseType !== undefined && responseType !== 'code') return 'response_type must be code';
  return { clientId, redirectUri, state: typeof state === 'string' ? state : '' };
}

function redirect(res: Response, redirectUri: string, params: Record<string, string>): void {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  res.redirect(302, url.toString());
}

/**
 * The seller's side of the authorization code flow (README.md, "Shop authorisation"): GET shows
 * the consent page (the sandbox's stand-in for logging into the seller centre: the seller names
 * the shop), POST approves or denies and redirects back to the hub with `code` and `state`.
 */
export function registerAuthorizeRoutes(app: Express, ctx: VosoRouteContext): void {
  app.get('/oauth2/authorize', (req: Request, res: Response) => {
    ctx.count('GET /oauth2/authorize');
    const request = authorizationRequest(ctx, req.query);
    if (typeof request === 'string') return sendError(res, 400, 'invalid_request', request);
    const hidden = Object.entries({ client_id: request.clientId, redirect_uri: request.redirectUri, state: request.state })
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
      .join('');
    res.type('html').send(
      `<!doctype html><meta charset="utf-8"><title>voso sandbox: authorise</title><h1>Cho phép ứng dụng ${escapeHtml(request.clientId)} quản lý cửa hàng?</h1>` +
        `<form method="post" action="/oauth2/authorize">${hidden}<label>Mã cửa hàng <input name="shop_id" required></label>` +
        `<button name="decision" value="approve">Đồng ý</button><button name="decision" value="deny">Từ chối</button></form>`,
    );
  });

  app.post('/oauth2/authorize', (req: Request, res: Response) => {
    ctx.count('POST /oauth2/authorize');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const request = authorizationRequest(ctx, body);
    if (typeof request === 'string') return sendError(res, 400, 'invalid_request', request);
    if (body.decision !== 'approve') return redirect(res, request.redirectUri, { error: 'access_denied', state: request.state });
    if (typeof body.shop_id !== 'string' || !SHOP_ID.test(body.shop_id)) return sendError(res, 400, 'invalid_request', 'shop_id: 1-40 letters, digits, - or _');
    redirect(res, request.redirectUri, { code: ctx.grants.issueCode(request.clientId, request.redirectUri, body.shop_id), state: request.state });
  });
}

/** Control routes (never faulted): the seller revoking the hub's access, and the clock expiring a shop's access tokens. */
export function registerShopControlRoutes(router: Router, ctx: VosoRouteContext): void {
  router.post('/shops/:shopId/revoke', (req: Request, res: Response) => {
    ctx.grants.revokeShop(String(req.params.shopId));
    res.json({ revoked: String(req.params.shopId) });
  });
  router.post('/shops/:shopId/expire-tokens', (req: Request, res: Response) => {
    ctx.grants.expireAccessTokens(String(req.params.shopId));
    res.json({ expired: String(req.params.shopId) });
  });
}
