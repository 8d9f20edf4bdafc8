import { cacheForPeriod } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Directive, FieldResolver, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { todayInVietnam } from '../../../core/time.js';
import { parseCommuneId } from '../../shared/commune.reference.js';
import { Commune, communeScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { CashPointMonth } from './cash-point-month.entity.js';
import { CashPoint } from './cash-point.entity.js';
import { CashlessAccount } from './cashless-account.entity.js';
import { cashlessStats, cashPointThroughput } from './cashless.query.js';
import { checkHolderRef, checkMonth, checkText, checkYear, requireCashlessManager } from './cashless.rules.js';
import {
  AddCashPointInput,
  CashlessStats,
  CashlessStatsPayload,
  CashPointPayload,
  CashPointThroughput,
  CashPointType,
  RecordCashlessAccountInput,
  RecordCashPointMonthInput,
  SetBudgetPaidOfficialsInput,
} from './cashless.type.js';
import { CommuneStaffing } from './commune-staffing.entity.js';

@Resolver(() => CashPointType)
export class CashPointResolver {
  @FieldResolver(() => CashPointThroughput, { description: 'What the point handled in a month (zero when not reported).' })
  async throughput(@Root() point: CashPoint, @Ctx() context: SubgraphContext, @Arg('month', () => String, { description: 'yyyy-mm.' }) month: string): Promise<CashPointThroughput> {
    return cashPointThroughput(context.em, [point.id], checkMonth(month, 'month'));
  }

  @Mutation(() => CashlessStatsPayload, { description: 'Sets how many officials the commune paid from the state budget in a year (FINANCE or OFFICER of the commune).' })
  async setBudgetPaidOfficials(@Arg('input', () => SetBudgetPaidOfficialsInput, { description: 'The figure.' }) input: SetBudgetPaidOfficialsInput, @Ctx() context: SubgraphContext): Promise<CashlessStatsPayload> {
    const communeId = parseCommuneId(input.communeId, 'input.communeId');
    requireCashlessManager(context.viewer, communeId, 'set budget-paid officials');
    const year = checkYear(input.year, 'input.year');
    if (!Number.isInteger(input.budgetPaidOfficials) || input.budgetPaidOfficials < 1 || input.budgetPaidOfficials > 10_000) {
      throw invalidInput(`budgetPaidOfficials must be 1 to 10000, got ${input.budgetPaidOfficials}.`, 'input.budgetPaidOfficials');
    }
    const source = checkText(input.source, 'input.source', 300);
    await context.em.transactional(async (tx) => {
      await tx.upsert(CommuneStaffing, { communeId, year, budgetPaidOfficials: input.budgetPaidOfficials, source });
    });
    return { cashless: await cashlessStats(context.em.fork(), [communeId], year) };
  }

  @Mutation(() => CashlessStatsPayload, { description: 'Records a cashless account opened for a budget-paid official or a producer (FINANCE or OFFICER of the commune). CONFLICT when that holder already has one with the provider.' })
  async recordCashlessAccount(@Arg('input', () => RecordCashlessAccountInput, { description: 'The account.' }) input: RecordCashlessAccountInput, @Ctx() context: SubgraphContext): Promise<CashlessStatsPayload> {
    const communeId = parseCommuneId(input.communeId, 'input.communeId');
    requireCashlessManager(context.viewer, communeId, 'record cashless accounts');
    const holderRef = checkHolderRef(input.holderRef, 'input.holderRef');
    if (input.openedOn > todayInVietnam()) throw invalidInput('openedOn is in the future: record an account once it is opened.', 'input.openedOn');
    await context.em.transactional(async (tx) => {
      const taken = await tx.findOne(CashlessAccount, { communeId, holderKind: input.holderKind, holderRef, provider: input.provider });
      if (taken) throw conflict(`Holder "${holderRef}" already has a ${input.provider} account.`, { field: 'input.holderRef' });
      tx.persist(Object.assign(new CashlessAccount(), { id: randomUUID(), communeId, holderKind: input.holderKind, holderRef, provider: input.provider, accountKind: input.accountKind, openedOn: input.openedOn }));
    });
    return { cashless: await cashlessStats(context.em.fork(), [communeId], Number(input.openedOn.slice(0, 4))) };
  }

  @Mutation(() => CashPointPayload, { description: 'Adds a cash-in/cash-out point (FINANCE or OFFICER of the commune).' })
  async addCashPoint(@Arg('input', () => AddCashPointInput, { description: 'The point.' }) input: AddCashPointInput, @Ctx() context: SubgraphContext): Promise<CashPointPayload> {
    const communeId = parseCommuneId(input.communeId, 'input.communeId');
    requireCashlessManager(context.viewer, communeId, 'add cash points');
    const point = Object.assign(new CashPoint(), { id: randomUUID(), communeId, operator: input.operator, name: checkText(input.name, 'input.name', 200), address: checkText(input.address, 'input.address', 500) });
    await context.em.transactional(async (tx) => {
      tx.persist(point);
    });
    return { cashPoint: point };
  }

  @Mutation(() => CashPointPayload, { description: 'Records what a point handled in a month; the same month again replaces it (FINANCE or OFFICER of the commune).' })
  async recordCashPointMonth(@Arg('input', () => RecordCashPointMonthInput, { description: 'The month.' }) input: RecordCashPointMonthInput, @Ctx() context: SubgraphContext): Promise<CashPointPayload> {
    const point = await context.em.findOne(CashPoint, { id: input.cashPointId });
    if (!point) throw notFound(`No cash point has id "${input.cashPointId}": list them with Commune.cashPoints.`, { field: 'input.cashPointId' });
    requireCashlessManager(context.viewer, point.communeId, 'record cash point figures');
    const month = checkMonth(input.month, 'input.month');
    if (month > todayInVietnam().slice(0, 7)) throw invalidInput('month is in the future: record a month once it has begun.', 'input.month');
    await context.em.transactional(async (tx) => {
      await tx.upsert(CashPointMonth, { cashPointId: point.id, month, cashInVnd: input.cashInVnd, cashOutVnd: input.cashOutVnd });
    });
    return { cashPoint: point };
  }
}

@Resolver(() => Commune)
export class CommuneCashlessResolver {
  @FieldResolver(() => CashlessStats, { nullable: true, description: 'Cashless payments in the commune (and the units merged into it) in a year: counts and shares, public (formulas on each field).' })
  @Directive(REQUIRES_LINEAGE)
  async cashless(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo, @Arg('year', () => Int, { description: 'Calendar year.' }) year: number): Promise<CashlessStats> {
    cacheForPeriod(info, { year });
    return cashlessStats(context.em, communeScope(commune), checkYear(year, 'year'));
  }

  @FieldResolver(() => [CashPointType], { nullable: true, description: 'Cash-in/cash-out points in the commune (and the units merged into it), by name.' })
  @Directive(REQUIRES_LINEAGE)
  async cashPoints(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<CashPoint[]> {
    return context.em.find(CashPoint, { communeId: { $in: communeScope(commune) } }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => CashPointThroughput, { nullable: true, description: 'What all the commune\'s cash points handled in a month (sums over its points).' })
  @Directive(REQUIRES_LINEAGE)
  async cashPointThroughput(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo, @Arg('month', () => String, { description: 'yyyy-mm.' }) month: string): Promise<CashPointThroughput> {
    cacheForPeriod(info, { month });
    const points = await context.em.find(CashPoint, { communeId: { $in: communeScope(commune) } }, { fields: ['id'] });
    return cashPointThroughput(context.em, points.map((p) => p.id), checkMonth(month, 'month'));
  }
}
