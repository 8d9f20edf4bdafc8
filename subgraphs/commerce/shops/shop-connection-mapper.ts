import { effectiveStatus } from './shop-connection.rules.js';
import type { ShopConnection } from './shop-connection.entity.js';
import { ShopConnectionNode } from './shop-connection.type.js';

export function toShopConnectionNode(row: ShopConnection, now: number = Date.now()): ShopConnectionNode {
  return Object.assign(new ShopConnectionNode(), {
    marketplace: row.marketplace,
    status: effectiveStatus(row, now),
    shopId: row.shopId ?? null,
    accessExpiresAt: row.accessExpiresAt ?? null,
    refreshExpiresAt: row.refreshExpiresAt ?? null,
    lastError: row.lastError ?? null,
    connectedAt: row.connectedAt ?? null,
    lastRefreshedAt: row.lastRefreshedAt ?? null,
  });
}
