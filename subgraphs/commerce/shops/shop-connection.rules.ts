import { ShopConnectionStatus, type ShopConnection } from './shop-connection.entity.js';

type Tokens = Pick<ShopConnection, 'accessExpiresAt' | 'refreshExpiresAt' | 'lastRefreshedAt' | 'connectedAt'>;

/**
 * When to refresh an access token: `marginMs` before it expires, or at 90% of a lifetime shorter
 * than ten margins, so a token never runs out between the check and the call.
 */
export function refreshDueAt(tokens: Tokens, marginMs: number): number | null {
  if (!tokens.accessExpiresAt) return null;
  const issuedAt = (tokens.lastRefreshedAt ?? tokens.connectedAt ?? tokens.accessExpiresAt).getTime();
  const lifetime = tokens.accessExpiresAt.getTime() - issuedAt;
  const margin = lifetime > 0 ? Math.min(marginMs, lifetime * 0.1) : marginMs;
  return tokens.accessExpiresAt.getTime() - margin;
}

/** The status a connection really has now: a CONNECTED one whose refresh token ran out is EXPIRED. */
export function effectiveStatus(connection: Pick<ShopConnection, 'status' | 'refreshExpiresAt'>, now: number): ShopConnectionStatus {
  if (connection.status === ShopConnectionStatus.CONNECTED && connection.refreshExpiresAt && connection.refreshExpiresAt.getTime() <= now) return ShopConnectionStatus.EXPIRED;
  return connection.status;
}

/** What a listing's lastError says when its producer's shop cannot be used. */
export function connectionProblem(marketplace: string, producerId: string, status: ShopConnectionStatus, reason: string | null | undefined): string {
  const what =
    status === ShopConnectionStatus.REVOKED
      ? 'was revoked or refused by the marketplace'
      : status === ShopConnectionStatus.EXPIRED
        ? 'expired'
        : 'is not complete';
  return `The ${marketplace} shop authorisation of producer ${producerId} ${what}${reason ? ` (${reason})` : ''}: authorise the shop again (startShopAuthorization or connectShop), then retry the listing.`;
}
