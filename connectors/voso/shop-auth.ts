/**
 * A voso shop authorising the hub: OAuth2 authorization code (RFC 6749 §4.1, README.md "Shop
 * authorisation"). The seller approves at `/oauth2/authorize`, voso redirects back with a code, the
 * hub trades it at `/oauth2/token` for the shop's access token (4 h) and refresh token (30 days,
 * rotated on every refresh), as Shopee's seller API does.
 */
import { ConnectorError } from '../marketplace/contract.js';
import { createHttpClient, failureFromResponse, isSuccess, malformedResponse, send, type CallContext } from '../marketplace/http.js';
import type { AuthorizationCodeShops, ShopGrant } from '../marketplace/shop-auth.js';
import { VosoConnector, type VosoSettings } from './adapter.js';

interface VosoTokenAnswer {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  refresh_expires_in?: unknown;
  shop_id?: unknown;
}

async function tokenRequest(settings: VosoSettings, operation: string, form: Record<string, string>): Promise<ShopGrant> {
  const context: CallContext = { marketplace: 'VOSO', operation, write: false };
  const http = createHttpClient({ baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, maxSockets: 2 });
  const response = await send<VosoTokenAnswer & { error?: unknown }>(
    http,
    {
      method: 'POST',
      url: '/oauth2/token',
      auth: { username: settings.clientId, password: settings.clientSecret },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: new URLSearchParams(form).toString(),
    },
    context,
  );
  if (!isSuccess(response)) {
    const failure = failureFromResponse(response, context);
    // invalid_grant (a used, expired or revoked code or refresh token) and invalid_client: only a new authorisation helps.
    if (response.status === 400 || response.status === 401) {
      const code = typeof response.data?.error === 'string' ? response.data.error : 'refused';
      throw new ConnectorError('AUTH', `voso refused the ${operation === 'exchangeCode' ? 'authorisation code' : 'refresh token'} (${code}): the shop must authorise the hub again`, failure.details);
    }
    throw failure;
  }
  const data = response.data ?? {};
  const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn, refresh_expires_in: refreshExpiresIn, shop_id: shopId } = data;
  if (typeof accessToken !== 'string' || typeof refreshToken !== 'string' || typeof expiresIn !== 'number' || typeof refreshExpiresIn !== 'number' || typeof shopId !== 'string') {
    throw malformedResponse(context, 'no access_token/refresh_token/expires_in/refresh_expires_in/shop_id', response);
  }
  const now = Date.now();
  return { shopId, accessToken, refreshToken, accessExpiresAt: new Date(now + expiresIn * 1000), refreshExpiresAt: new Date(now + refreshExpiresIn * 1000) };
}

export const vosoShops: AuthorizationCodeShops<VosoSettings> = {
  kind: 'AUTHORIZATION_CODE',
  authorizeUrl: (settings, { state, redirectUri }) => {
    const url = new URL('/oauth2/authorize', settings.baseUrl);
    url.search = new URLSearchParams({ response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri, state, scope: 'products orders' }).toString();
    return url.toString();
  },
  exchangeCode: (settings, { code, redirectUri }) => tokenRequest(settings, 'exchangeCode', { grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
  refresh: (settings, refreshToken) => tokenRequest(settings, 'refreshToken', { grant_type: 'refresh_token', refresh_token: refreshToken }),
  connect: (settings, access) => {
    const { accessToken, tokenRefused } = access;
    if (!accessToken) throw new Error('a voso shop connector needs the shop\'s access token');
    return new VosoConnector(settings, { tokens: { token: () => accessToken(), invalidate: (token) => tokenRefused?.(token) } });
  },
};
