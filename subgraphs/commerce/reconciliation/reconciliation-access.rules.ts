import { Role, hasRole, type Viewer } from '../../shared/roles.js';
import type { ProducerAccess } from '../catalogue/catalogue-access.rules.js';
import { forbidden, unauthenticated } from '../../../core/domain-errors.js';

/**
 * Who may see reconciliation: finance staff (and admins) everything; a producer's members the
 * items of that producer only (payment details are personal data, SCHEMA.md); nobody else.
 */
export type ReconciliationScope = { kind: 'finance' } | { kind: 'producer'; producerIds: readonly string[] };

/** `access`: the producers the viewer acts for as recorded (catalogue/producer-access.query.ts). */
export function reconciliationScope(viewer: Viewer | null, access: ProducerAccess): ReconciliationScope {
  if (!viewer) throw unauthenticated();
  if (hasRole(viewer, Role.FINANCE)) return { kind: 'finance' };
  if (access.producerIds.length) return { kind: 'producer', producerIds: access.producerIds };
  throw forbidden('Reconciliation is for the finance role, and for producers about their own payments.');
}

export function requireFinance(viewer: Viewer | null, action = 'resolve reconciliation items'): void {
  if (!viewer) throw unauthenticated();
  if (!hasRole(viewer, Role.FINANCE)) throw forbidden(`Only the finance role may ${action}.`);
}

/**
 * `producerKey` is "|p1|p2|". Ids holding a LIKE wildcard or the separator are left out (producer
 * ids are uuids; escaping differs between SQLite and PostgreSQL, so none is attempted).
 */
export function producerKeyFilter(producerIds: readonly string[]) {
  const safe = producerIds.filter((id) => id && !/[%_|\\]/.test(id));
  return safe.length ? { $or: safe.map((id) => ({ producerKey: { $like: `%|${id}|%` } })) } : { producerKey: '\u0000none' };
}
