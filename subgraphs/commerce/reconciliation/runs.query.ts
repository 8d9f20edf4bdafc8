import type { EntityManager } from '@mikro-orm/core';
import { ReconciliationRun } from './reconciliation-run.entity.js';

/** Runs newest import first, keyset-paged on (importedAt, id); superseded versions unless `currentOnly`. */
export async function listRuns(
  em: EntityManager,
  options: { provider?: string; period?: string; currentOnly?: boolean; limit: number; after?: [number, string] },
): Promise<{ rows: ReconciliationRun[]; total: number }> {
  const where: Record<string, unknown> = {};
  if (options.provider) where.provider = options.provider;
  if (options.period) where.periodLabel = options.period;
  if (options.currentOnly) where.currentKey = { $ne: null };
  const after = options.after;
  const keyset = after ? { $or: [{ importedAt: { $lt: new Date(after[0]) } }, { importedAt: new Date(after[0]), id: { $lt: after[1] } }] } : {};
  const [rows, total] = await Promise.all([
    em.find(ReconciliationRun, { $and: [where, keyset] }, { orderBy: [{ importedAt: 'desc' }, { id: 'desc' }], limit: options.limit + 1 }),
    em.count(ReconciliationRun, where),
  ]);
  return { rows, total };
}

export async function findRun(em: EntityManager, id: string): Promise<ReconciliationRun | null> {
  return em.findOne(ReconciliationRun, { id });
}

/** Every version of the run's provider and period, first version first. */
export async function runVersions(em: EntityManager, run: { provider: string; periodLabel: string }): Promise<ReconciliationRun[]> {
  return em.find(ReconciliationRun, { provider: run.provider, periodLabel: run.periodLabel }, { orderBy: [{ version: 'asc' }, { importedAt: 'asc' }] });
}
