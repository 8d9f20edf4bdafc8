import type { EntityManager } from '@mikro-orm/core';
import { CashPointMonth } from './cash-point-month.entity.js';
import { CashPoint } from './cash-point.entity.js';
import { CashlessAccount } from './cashless-account.entity.js';
import { AccountHolderKind, checkMonth, checkYear, officialAccountShare } from './cashless.rules.js';
import { CommuneStaffing } from './commune-staffing.entity.js';
import type { CashlessStats, CashPointThroughput } from './cashless.type.js';

/** The year's figures over a commune scope (a merged commune sums its predecessors). */
export async function cashlessStats(em: EntityManager, communeIds: string[], year: number): Promise<CashlessStats> {
  const end = `${year}-12-31`;
  const [staffing, accounts, points] = await Promise.all([
    em.find(CommuneStaffing, { communeId: { $in: communeIds }, year }),
    em.find(CashlessAccount, { communeId: { $in: communeIds }, openedOn: { $lte: end } }),
    em.count(CashPoint, { communeId: { $in: communeIds } }),
  ]);
  const budgetPaidOfficials = staffing.length ? staffing.reduce((sum, s) => sum + s.budgetPaidOfficials, 0) : null;
  const officials = new Set(accounts.filter((a) => a.holderKind === AccountHolderKind.BUDGET_PAID_OFFICIAL).map((a) => `${a.communeId}/${a.holderRef}`)).size;
  return {
    year,
    budgetPaidOfficials,
    officialsWithAccount: officials,
    officialAccountShare: officialAccountShare(officials, budgetPaidOfficials),
    producerAccounts: accounts.filter((a) => a.holderKind === AccountHolderKind.PRODUCER).length,
    cashPoints: points,
  };
}

/** The year's figures asked for by a reader: the year checked first (1990 to 2100). Public. */
export function cashlessInYear(em: EntityManager, communeIds: string[], year: number): Promise<CashlessStats> {
  return cashlessStats(em, communeIds, checkYear(year, 'year'));
}

/** The cash points of a commune scope, by name. Public. */
export function listCashPoints(em: EntityManager, communeIds: string[]): Promise<CashPoint[]> {
  return em.find(CashPoint, { communeId: { $in: communeIds } }, { orderBy: { name: 'asc', id: 'asc' } });
}

/** What one point handled in a month ("yyyy-mm"); zero when it did not report. */
export function pointThroughput(em: EntityManager, pointId: string, month: string): Promise<CashPointThroughput> {
  return throughput(em, [pointId], checkMonth(month, 'month'));
}

/** What all the points of a commune scope handled in a month ("yyyy-mm"): sums over them. */
export async function communeCashPointThroughput(em: EntityManager, communeIds: string[], month: string): Promise<CashPointThroughput> {
  const checked = checkMonth(month, 'month');
  const points = await em.find(CashPoint, { communeId: { $in: communeIds } }, { fields: ['id'] });
  return throughput(em, points.map((p) => p.id), checked);
}

async function throughput(em: EntityManager, pointIds: string[], month: string): Promise<CashPointThroughput> {
  const rows = pointIds.length ? await em.find(CashPointMonth, { cashPointId: { $in: pointIds }, month }) : [];
  const cashInVnd = rows.reduce((sum, r) => sum + r.cashInVnd, 0);
  const cashOutVnd = rows.reduce((sum, r) => sum + r.cashOutVnd, 0);
  return { month, cashInVnd, cashOutVnd, totalVnd: cashInVnd + cashOutVnd, reportingPoints: rows.length };
}
