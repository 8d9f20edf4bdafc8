/**
 * OAuth2 client credentials for voso (RFC 6749 §4.4): POST /oauth2/token with HTTP Basic client
 * authentication. The token is cached until shortly before `expires_in` runs out; a 401 from the API
 * invalidates it. Concurrent callers share one token request, so a burst of calls with an expired
 * token causes one refresh, not one each.
 */
import { ConnectorError } from '../marketplace/contract.js';
import { failureFromResponse, isSuccess, malformedResponse, send, type CallContext, type HttpClient } from '../marketplace/http.js';

export interface VosoCredentials {
  clientId: string;
  clientSecret: string;
}

/** Where the connector gets its bearer token: client credentials (below) or a shop's own grant (shop-auth.ts). */
export interface VosoTokens {
  token(): Promise<string>;
  /** The API refused `token`: the next `token()` must be another one. */
  invalidate(token: string): void;
}

interface CachedToken {
  value: string;
  /** Epoch ms after which the token is refreshed before use. */
  refreshAt: number;
}

const CONTEXT: CallContext = { marketplace: 'VOSO', operation: 'token', write: false };

export class VosoTokenSource implements VosoTokens {
  private cached: CachedToken | null = null;
  private inFlight: Promise<string> | null = null;
  /** Token requests made (for tests and logs). */
  fetches = 0;

  constructor(
    private readonly http: HttpClient,
    private readonly credentials: VosoCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid access token, fetching one when none is cached or the cached one is about to expire. */
  async token(): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAt) return this.cached.value;
    return this.refresh();
  }

  /** Forgets `token` after the API refused it, unless a newer one has replaced it meanwhile. */
  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = null;
  }

  private refresh(): Promise<string> {
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async fetch(): Promise<string> {
    this.fetches += 1;
    const response = await send<{ access_token?: unknown; expires_in?: unknown; token_type?: unknown }>(
      this.http,
      {
        method: 'POST',
        url: '/oauth2/token',
        auth: { username: this.credentials.clientId, password: this.credentials.clientSecret },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        data: 'grant_type=client_credentials',
      },
      CONTEXT,
    );
    if (!isSuccess(response)) {
      const failure = failureFromResponse(response, CONTEXT);
      // invalid_client comes as 400 or 401 (RFC 6749 §5.2): either way the credentials are wrong.
      if (response.status === 400 || response.status === 401) {
        throw new ConnectorError('AUTH', `${failure.message}; check VOSO_CLIENT_ID and VOSO_CLIENT_SECRET`, failure.details);
      }
      throw failure;
    }
    const { access_token: value, expires_in: expiresIn } = response.data ?? {};
    if (typeof value !== 'string' || typeof expiresIn !== 'number' || expiresIn <= 0) {
      throw malformedResponse(CONTEXT, 'no access_token/expires_in', response);
    }
    // Refresh a minute early (or at 90% of a short lifetime) so a token never expires in flight.
    const lifetimeMs = expiresIn * 1000;
    const marginMs = Math.min(60_000, lifetimeMs * 0.1);
    this.cached = { value, refreshAt: this.now() + lifetimeMs - marginMs };
    return value;
  }
}
