import type { FilterQuery } from '@mikro-orm/core';
import { pageWindow, toConnection, type Connection, type PageArgs } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { foldForSearch } from '../../../core/text.js';
import { readAccess } from '../../shared/access-guard.js';
import { auditedCheck } from '../../shared/refused-read.store.js';
import { hasRole, Role, type Viewer } from '../../shared/roles.js';
import { auditReads, requireSomeHealthRole } from './health-access.rules.js';
import { HealthRecordRead } from './health-record-read.entity.js';
import { HealthRecord } from './health-record.entity.js';

/**
 * A page of the health records of a commune and the units merged into it (`scope`), for its health
 * staff; a refusal is written to the refused-read log, every record returned to the read log.
 */
export async function listHealthRecords(context: SubgraphContext, communeId: string, scope: string[], page: PageArgs, search: string | undefined): Promise<Connection<HealthRecord>> {
  await readAccess(context, 'Commune.healthRecords', { unitIds: [communeId] }, { target: communeId, communeId });
  const { limit, after } = pageWindow(page);
  const where: FilterQuery<HealthRecord> = { communeId: { $in: scope } };
  if (search?.trim()) where.fullNameSearch = { $like: `%${foldForSearch(search).replace(/[\\%_]/g, '')}%` };
  // Record numbers are unique per GSO code, but a code can be reused by a successor: id breaks ties.
  const keyset: FilterQuery<HealthRecord> = after
    ? { $or: [{ recordNumber: { $gt: String(after[0]) } }, { recordNumber: String(after[0]), id: { $gt: String(after[1]) } }] }
    : {};
  const [rows, totalCount] = await Promise.all([
    context.em.find(HealthRecord, { ...where, ...keyset }, { orderBy: { recordNumber: 'asc', id: 'asc' }, limit: limit + 1 }),
    context.em.count(HealthRecord, where),
  ]);
  const connection = toConnection(rows, limit, totalCount, (r) => [r.recordNumber, r.id]);
  await auditReads(context, context.viewer as Viewer, connection.edges.map((e) => e.node), 'Commune.healthRecords');
  return connection;
}

/** A page of the read log of a commune's records (and its predecessors'), newest first; its health staff only. */
export async function listHealthRecordReads(context: SubgraphContext, communeId: string, scope: string[], page: PageArgs, recordId: string | undefined) {
  await readAccess(context, 'Commune.healthRecordReads', { unitIds: [communeId] }, { target: communeId, communeId });
  const { limit, after } = pageWindow(page);
  const where: FilterQuery<HealthRecordRead> = { communeId: { $in: scope }, ...(recordId ? { recordId } : {}) };
  const keyset: FilterQuery<HealthRecordRead> = after
    ? { $or: [{ readAt: { $lt: new Date(Number(after[0])) } }, { readAt: new Date(Number(after[0])), id: { $lt: String(after[1]) } }] }
    : {};
  const [rows, totalCount] = await Promise.all([
    context.em.find(HealthRecordRead, { ...where, ...keyset }, { orderBy: { readAt: 'desc', id: 'desc' }, limit: limit + 1 }),
    context.em.count(HealthRecordRead, where),
  ]);
  return { rows, totalCount, limit };
}

/**
 * One record by id for the health staff of its unit (or its successor); null when none has the id.
 * A refusal is logged with the record's unit, though the caller learns nothing about the id: a
 * caller without any health role is refused the same way whether the record exists or not.
 */
export async function readHealthRecord(context: SubgraphContext, id: string): Promise<HealthRecord | null> {
  const field = 'Query.healthRecord' as const;
  const target = id.slice(0, 200);
  if (!hasRole(context.viewer, Role.HEALTH_STAFF)) {
    const found = await context.em.findOne(HealthRecord, { id }, { fields: ['communeId'] });
    await auditedCheck(context, { field, target, communeId: found?.communeId }, () => requireSomeHealthRole(context.viewer));
  }
  const record = await context.em.findOne(HealthRecord, { id });
  if (!record) return null;
  await readAccess(context, field, { unitIds: [record.communeId] }, { target, communeId: record.communeId });
  await auditReads(context, context.viewer as Viewer, [record], field);
  return record;
}
