/**
 * Shop authorisation: each producer's own shop at a marketplace (issue 11). Real seller APIs
 * (Shopee, Lazada, Tiki) make every shop authorise the hub and issue per-shop credentials; an
 * adapter declares how its marketplace does it (`shops` in its `index.ts`), and the commerce
 * subgraph stores the grant (encrypted), refreshes it before it expires and builds a connector per
 * shop with `connect`.
 */
import type { MarketplaceConnector } from './contract.js';

/** What a marketplace grants when a shop authorises the hub. Times are absolute. */
export interface ShopGrant {
  /** The marketplace's id of the shop (voso: from the token answer; postmart: given by the seller). */
  shopId: string;
  accessToken: string | null;
  refreshToken: string | null;
  /** When the access token stops working (null: it does not expire). */
  accessExpiresAt: Date | null;
  /** When the refresh token stops working: the shop must authorise again after it. */
  refreshExpiresAt: Date | null;
}

/** How a shop connector gets its credentials: the shop id, and for token-based marketplaces a live token. */
export interface ShopAccess {
  shopId: string;
  /** A live access token (refreshed by the caller before it expires). */
  accessToken?(): Promise<string>;
  /** The API refused `token` (401): the next `accessToken()` must not return it. */
  tokenRefused?(token: string): void;
}

/** OAuth2 authorization code (RFC 6749 §4.1): the seller approves at the marketplace, which redirects back with a code. */
export interface AuthorizationCodeShops<Settings> {
  readonly kind: 'AUTHORIZATION_CODE';
  /** Where to send the seller: the marketplace's consent page for this app, carrying `state`. */
  authorizeUrl(settings: Settings, request: { state: string; redirectUri: string }): string;
  /** Trades the code from the redirect for the shop's tokens. A refused code is a ConnectorError AUTH. */
  exchangeCode(settings: Settings, request: { code: string; redirectUri: string }): Promise<ShopGrant>;
  /** New tokens for a refresh token. A revoked or expired refresh token is a ConnectorError AUTH. */
  refresh(settings: Settings, refreshToken: string): Promise<ShopGrant>;
  connect(settings: Settings, access: ShopAccess): MarketplaceConnector;
}

/** A partner key for the app plus the seller's shop id: the seller authorises the partner at the marketplace, the hub is told the shop id. */
export interface ShopIdShops<Settings> {
  readonly kind: 'SHOP_ID';
  /** A read the shop's authorisation must allow: resolves when the partner may act for the shop, else a ConnectorError AUTH. */
  verify(settings: Settings, shopId: string): Promise<void>;
  connect(settings: Settings, access: ShopAccess): MarketplaceConnector;
}

export type ShopAuthorization<Settings> = AuthorizationCodeShops<Settings> | ShopIdShops<Settings>;
