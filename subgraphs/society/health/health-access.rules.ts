import { randomUUID } from 'node:crypto';
import { actsForUnit, hasRole, Role, type Viewer } from '../../shared/roles.js';
import { forbidden } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { communeCodeOf } from '../commune/commune-id.js';
import { HealthRecordRead } from './health-record-read.entity.js';

/**
 * The one gate to health records (sensitive personal data): only health staff of the commune
 * whose station holds them (or an admin) get through. Anonymous callers get FORBIDDEN rather than
 * UNAUTHENTICATED so that, through the gateway, the rest of their query (public aggregates) still
 * resolves.
 */
export function requireHealthStaffOf(context: SubgraphContext, communeId: string): Viewer {
  const { viewer } = context;
  if (viewer && actsForUnit(viewer, Role.HEALTH_STAFF, communeId)) return viewer;
  // Refused attempts are not reads (nothing left the station), but security monitoring wants them.
  context.logger.warn({ subject: viewer?.subject ?? null, roles: viewer?.roles ?? [], communeId }, 'health data access refused');
  if (!viewer) {
    throw forbidden(`Health records are personal data: sign in with a ${Role.HEALTH_STAFF} token for commune ${communeCodeOf(communeId)} to read them. The public sees healthRecordStats only.`);
  }
  throw forbidden(`Your token does not act as ${Role.HEALTH_STAFF} for commune ${communeCodeOf(communeId)}: only the health station of that unit, or of the unit it merged into, may read its health records.`);
}

/** Cheap check before a lookup by id, so that a caller with no health role learns nothing about ids. */
export function requireSomeHealthRole(viewer: Viewer | null): Viewer {
  if (viewer && hasRole(viewer, Role.HEALTH_STAFF)) return viewer;
  throw forbidden(`Health records are personal data: sign in with a ${Role.HEALTH_STAFF} token to read them.`);
}

/** Writes one audit row per record returned (who, when, which record, through which field). */
export async function auditReads(context: SubgraphContext, viewer: Viewer, records: { id: string; communeId: string }[], via: string): Promise<void> {
  if (!records.length) return;
  const readAt = new Date();
  const rows = records.map((record) =>
    Object.assign(new HealthRecordRead(), {
      id: randomUUID(),
      communeId: record.communeId,
      recordId: record.id,
      readerSubject: viewer.subject,
      readerRoles: viewer.roles.join(','),
      readAt,
      via,
      requestId: context.requestId,
    }),
  );
  await context.em.insertMany(HealthRecordRead, rows);
}
