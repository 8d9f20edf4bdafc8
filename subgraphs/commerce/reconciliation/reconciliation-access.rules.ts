import { Role, hasRole, type Viewer } from '../../shared/roles.js';
import { forbidden, unauthenticated } from '../../../core/domain-errors.js';

/*
 * Who reads reconciliation is in the access registry (subgraphs/shared/access-rules.ts, docs/access.md):
 * finance staff (and admins) every item, a producer's members the items of their producers only
 * (payment details are personal data); nobody else. Writes are finance's alone:
 */

export function requireFinance(viewer: Viewer | null, action = 'resolve reconciliation items'): void {
  if (!viewer) throw unauthenticated();
  if (!hasRole(viewer, Role.FINANCE)) throw forbidden(`Only the finance role may ${action}.`);
}

/**
 * `producerKey` is "|p1|p2|". Ids holding a LIKE wildcard or the separator are left out (producer
 * ids are uuids; escaping differs between SQLite and PostgreSQL, so none is attempted).
 */
export function producerKeyFilter(producerIds: readonly string[]) {
  const safe = safeProducerIds(producerIds);
  return safe.length ? { $or: safe.map((id) => ({ producerKey: { $like: `%|${id}|%` } })) } : { producerKey: '\u0000none' };
}

/** The ids producerKeyFilter looks for (a pack's items are filtered by the same ones). */
export function safeProducerIds(producerIds: readonly string[]): string[] {
  return producerIds.filter((id) => id && !/[%_|\\]/.test(id));
}
