/**
 * The voso sandbox's authorisations (README.md, "Shop authorisation"): authorization codes,
 * per-shop access and refresh tokens with their lifetimes, refresh-token rotation, and revocation
 * by the seller. Every token acts for one shop; client-credentials tokens act for the client's own
 * sandbox shop.
 */
import { randomBytes } from 'node:crypto';

export interface VosoTokenLifetimes {
  /** Client-credentials tokens (s). */
  clientCredentials: number;
  /** Access tokens of an authorised shop (s); voso's assumed 4 h. */
  access: number;
  /** Refresh tokens (s); voso's assumed 30 days. */
  refresh: number;
}

export interface VosoTokenAnswer {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
  shop_id: string;
  scope: string;
}

const CODE_TTL_MS = 10 * 60_000;

/** The grants as JSON (the sandbox's state file): every live code and token with its expiry (epoch ms). */
export interface VosoGrantsSnapshot {
  accessTokens: [string, { shopId: string; expiresAt: number }][];
  codes: [string, { clientId: string; redirectUri: string; shopId: string; expiresAt: number }][];
  refreshTokens: [string, { clientId: string; shopId: string; expiresAt: number }][];
  refreshes: number;
}
const token = () => randomBytes(24).toString('base64url');

export class VosoGrantStore {
  /** Access token → its shop and expiry (epoch ms). */
  readonly accessTokens = new Map<string, { shopId: string; expiresAt: number }>();
  private readonly codes = new Map<string, { clientId: string; redirectUri: string; shopId: string; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, { clientId: string; shopId: string; expiresAt: number }>();
  /** Refreshes answered (tests count them). */
  refreshes = 0;

  constructor(readonly lifetimes: VosoTokenLifetimes) {}

  issueClientToken(shopId: string): { token: string; expiresIn: number } {
    const value = token();
    this.accessTokens.set(value, { shopId, expiresAt: Date.now() + this.lifetimes.clientCredentials * 1000 });
    return { token: value, expiresIn: this.lifetimes.clientCredentials };
  }

  /** The seller approved: a one-time code for the client, bound to the redirect URI. */
  issueCode(clientId: string, redirectUri: string, shopId: string): string {
    const code = token();
    this.codes.set(code, { clientId, redirectUri, shopId, expiresAt: Date.now() + CODE_TTL_MS });
    return code;
  }

  /** Trades a code (once) for tokens; null when the code is unknown, used, expired or for another client or redirect URI. */
  redeemCode(code: string, clientId: string, redirectUri: string): VosoTokenAnswer | null {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant || grant.expiresAt < Date.now() || grant.clientId !== clientId || grant.redirectUri !== redirectUri) return null;
    return this.issuePair(clientId, grant.shopId);
  }

  /** Rotates a refresh token: the old one stops working. Null when unknown, expired, revoked or another client's. */
  refresh(refreshToken: string, clientId: string): VosoTokenAnswer | null {
    const grant = this.refreshTokens.get(refreshToken);
    this.refreshTokens.delete(refreshToken);
    if (!grant || grant.expiresAt < Date.now() || grant.clientId !== clientId) return null;
    this.refreshes += 1;
    return this.issuePair(clientId, grant.shopId);
  }

  /** The shop of a live access token, or null. */
  shopOf(accessToken: string): string | null {
    const grant = this.accessTokens.get(accessToken);
    return grant && grant.expiresAt > Date.now() ? grant.shopId : null;
  }

  /** The seller withdrew the hub's access in the seller centre: every token of the shop stops working. */
  revokeShop(shopId: string): void {
    for (const [value, grant] of this.accessTokens) if (grant.shopId === shopId) this.accessTokens.delete(value);
    for (const [value, grant] of this.refreshTokens) if (grant.shopId === shopId) this.refreshTokens.delete(value);
  }

  /** Every access token (of one shop, or all) expires now, as if time had passed; refresh tokens keep working. */
  expireAccessTokens(shopId?: string): void {
    for (const grant of this.accessTokens.values()) if (!shopId || grant.shopId === shopId) grant.expiresAt = 0;
  }

  /** The live grants (expired ones are dropped: they can never be used again). */
  snapshot(now = Date.now()): VosoGrantsSnapshot {
    const live = <T extends { expiresAt: number }>(map: Map<string, T>): [string, T][] => [...map].filter(([, grant]) => grant.expiresAt > now);
    return { accessTokens: live(this.accessTokens), codes: live(this.codes), refreshTokens: live(this.refreshTokens), refreshes: this.refreshes };
  }

  /** Puts back what `snapshot` saved (at start, before any request), so shops stay authorised across a restart. */
  restore(saved: VosoGrantsSnapshot | undefined): void {
    if (!saved) return;
    for (const [value, grant] of saved.accessTokens) this.accessTokens.set(value, grant);
    for (const [value, grant] of saved.codes) this.codes.set(value, grant);
    for (const [value, grant] of saved.refreshTokens) this.refreshTokens.set(value, grant);
    this.refreshes = saved.refreshes;
  }

  private issuePair(clientId: string, shopId: string): VosoTokenAnswer {
    const access = token();
    const refresh = token();
    const now = Date.now();
    this.accessTokens.set(access, { shopId, expiresAt: now + this.lifetimes.access * 1000 });
    this.refreshTokens.set(refresh, { clientId, shopId, expiresAt: now + this.lifetimes.refresh * 1000 });
    return { access_token: access, token_type: 'bearer', expires_in: this.lifetimes.access, refresh_token: refresh, refresh_expires_in: this.lifetimes.refresh, shop_id: shopId, scope: 'products orders' };
  }
}
