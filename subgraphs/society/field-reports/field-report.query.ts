import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { pageWindow, toConnection, type Connection, type PageArgs } from '../../../core/graphql/connection.js';
import { FieldReport, type FieldReportCategory, type FieldReportStatus } from './field-report.entity.js';
import { OPEN_STATUSES } from './field-report-workflow.rules.js';

export interface FieldReportFilter {
  status?: FieldReportStatus[];
  category?: FieldReportCategory;
  /** true: only open reports past their due time. */
  overdue?: boolean;
}

/** A page of the reports sent to some units (a commune and those merged into it), newest first. Public: reporters' contact is a separate, guarded field. */
export async function listFieldReports(em: EntityManager, scope: string[], page: PageArgs, filter: FieldReportFilter): Promise<Connection<FieldReport>> {
  const { status, category, overdue } = filter;
  const { limit, after } = pageWindow(page);
  const where: FilterQuery<FieldReport> = { communeId: { $in: scope }, ...(status?.length ? { status: { $in: status } } : {}), ...(category ? { category } : {}) };
  if (overdue) Object.assign(where, { $and: [{ status: { $in: [...OPEN_STATUSES] } }, { dueAt: { $lt: new Date() } }] });
  const keyset: FilterQuery<FieldReport> = after
    ? { $or: [{ receivedAt: { $lt: new Date(Number(after[0])) } }, { receivedAt: new Date(Number(after[0])), id: { $lt: String(after[1]) } }] }
    : {};
  const [rows, totalCount] = await Promise.all([
    em.find(FieldReport, { ...where, ...keyset }, { orderBy: { receivedAt: 'desc', id: 'desc' }, limit: limit + 1 }),
    em.count(FieldReport, where),
  ]);
  return toConnection(rows, limit, totalCount, (r) => [r.receivedAt.getTime(), r.id]);
}

/** A report by id; null when none has it. Public: reporters' contact is a separate, guarded field. */
export function findFieldReport(em: EntityManager, id: string): Promise<FieldReport | null> {
  return em.findOne(FieldReport, { id });
}

/** The report a (normalised) receipt code was given for. */
export function findFieldReportByReceipt(em: EntityManager, receiptCode: string): Promise<FieldReport | null> {
  return em.findOne(FieldReport, { receiptCode });
}
