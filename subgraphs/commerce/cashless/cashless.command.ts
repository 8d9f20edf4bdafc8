import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import { todayInVietnam } from '../../../core/time.js';
import { parseCommuneId } from '../../shared/commune-id.js';
import type { Viewer } from '../../shared/roles.js';
import { CashPointMonth } from './cash-point-month.entity.js';
import { CashPoint } from './cash-point.entity.js';
import { CashlessAccount } from './cashless-account.entity.js';
import { cashlessStats } from './cashless.query.js';
import { checkHolderRef, checkMonth, checkText, checkYear, requireCashlessManager } from './cashless.rules.js';
import type { AddCashPointInput, CashlessStats, RecordCashlessAccountInput, RecordCashPointMonthInput, SetBudgetPaidOfficialsInput } from './cashless.type.js';
import { CommuneStaffing } from './commune-staffing.entity.js';

/** Sets the commune's budget-paid officials of a year (the same year again replaces it); answers the year's figures as they now stand. */
export async function setBudgetPaidOfficials(em: EntityManager, viewer: Viewer | null, input: SetBudgetPaidOfficialsInput): Promise<CashlessStats> {
  const communeId = parseCommuneId(input.communeId, 'input.communeId');
  requireCashlessManager(viewer, communeId, 'set budget-paid officials');
  const year = checkYear(input.year, 'input.year');
  if (!Number.isInteger(input.budgetPaidOfficials) || input.budgetPaidOfficials < 1 || input.budgetPaidOfficials > 10_000) {
    throw invalidInput(`budgetPaidOfficials must be 1 to 10000, got ${input.budgetPaidOfficials}.`, 'input.budgetPaidOfficials');
  }
  const source = checkText(input.source, 'input.source', 300);
  await em.transactional(async (tx) => {
    await tx.upsert(CommuneStaffing, { communeId, year, budgetPaidOfficials: input.budgetPaidOfficials, source });
  });
  return cashlessStats(em.fork(), [communeId], year);
}

/** Records an account opened for an official or a producer (CONFLICT when the holder already has one with the provider); answers the figures of its year. */
export async function recordCashlessAccount(em: EntityManager, viewer: Viewer | null, input: RecordCashlessAccountInput): Promise<CashlessStats> {
  const communeId = parseCommuneId(input.communeId, 'input.communeId');
  requireCashlessManager(viewer, communeId, 'record cashless accounts');
  const holderRef = checkHolderRef(input.holderRef, 'input.holderRef');
  if (input.openedOn > todayInVietnam()) throw invalidInput('openedOn is in the future: record an account once it is opened.', 'input.openedOn');
  await em.transactional(async (tx) => {
    const taken = await tx.findOne(CashlessAccount, { communeId, holderKind: input.holderKind, holderRef, provider: input.provider });
    if (taken) throw conflict(`Holder "${holderRef}" already has a ${input.provider} account.`, { field: 'input.holderRef' });
    tx.persist(Object.assign(new CashlessAccount(), { id: randomUUID(), communeId, holderKind: input.holderKind, holderRef, provider: input.provider, accountKind: input.accountKind, openedOn: input.openedOn }));
  });
  return cashlessStats(em.fork(), [communeId], Number(input.openedOn.slice(0, 4)));
}

/** A cash-in/cash-out point of the commune. */
export async function addCashPoint(em: EntityManager, viewer: Viewer | null, input: AddCashPointInput): Promise<CashPoint> {
  const communeId = parseCommuneId(input.communeId, 'input.communeId');
  requireCashlessManager(viewer, communeId, 'add cash points');
  const point = Object.assign(new CashPoint(), { id: randomUUID(), communeId, operator: input.operator, name: checkText(input.name, 'input.name', 200), address: checkText(input.address, 'input.address', 500) });
  await em.transactional(async (tx) => {
    tx.persist(point);
  });
  return point;
}

/** What a point handled in a month that has begun; the same month again replaces it. */
export async function recordCashPointMonth(em: EntityManager, viewer: Viewer | null, input: RecordCashPointMonthInput): Promise<CashPoint> {
  const point = await em.findOne(CashPoint, { id: input.cashPointId });
  if (!point) throw notFound(`No cash point has id "${input.cashPointId}": list them with Commune.cashPoints.`, { field: 'input.cashPointId' });
  requireCashlessManager(viewer, point.communeId, 'record cash point figures');
  const month = checkMonth(input.month, 'input.month');
  if (month > todayInVietnam().slice(0, 7)) throw invalidInput('month is in the future: record a month once it has begun.', 'input.month');
  await em.transactional(async (tx) => {
    await tx.upsert(CashPointMonth, { cashPointId: point.id, month, cashInVnd: input.cashInVnd, cashOutVnd: input.cashOutVnd });
  });
  return point;
}
