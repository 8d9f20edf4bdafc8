import type { EntityManager } from '@mikro-orm/core';
import { AGE_BUCKETS, ageInDays, bucketOf } from './aging.rules.js';
import { openItemsFilter } from './open-items.store.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { openAmountVnd } from './resolution.rules.js';

export interface AgingBucket {
  label: string;
  fromDays: number;
  toDays: number | null;
  count: number;
  openVnd: number;
}

/**
 * Open items by age on `asOf` (a Vietnam date): days since the money was due (expected time, else
 * the payment's time), in the buckets of aging.rules.ts, with the open amount of each. Reads only
 * the columns it needs, page by page.
 */
export async function agingReport(em: EntityManager, provider: string | undefined, asOf: string): Promise<AgingBucket[]> {
  const buckets: AgingBucket[] = AGE_BUCKETS.map((b) => ({ ...b, count: 0, openVnd: 0 }));
  const where = await openItemsFilter(em, provider);
  let after = 0;
  for (;;) {
    const rows = await em.find(ReconciliationItem, { $and: [where, { id: { $gt: after } }] }, {
      fields: ['id', 'outcome', 'paidVnd', 'reversedVnd', 'expectedVnd', 'paidAt', 'expectedAt'],
      orderBy: { id: 'asc' },
      limit: 5000,
      disableIdentityMap: true,
    });
    for (const item of rows) {
      const since = item.expectedAt ?? item.paidAt;
      const b = buckets[bucketOf(since ? ageInDays(since, asOf) : 0)];
      b.count++;
      b.openVnd += openAmountVnd(item);
    }
    if (rows.length < 5000) return buckets;
    after = rows[rows.length - 1].id;
  }
}
