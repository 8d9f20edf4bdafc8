import { cacheForPeriod } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Commune, communeScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { CashPoint } from './cash-point.entity.js';
import { addCashPoint, recordCashlessAccount, recordCashPointMonth, setBudgetPaidOfficials } from './cashless.command.js';
import { cashlessInYear, communeCashPointThroughput, listCashPoints, pointThroughput } from './cashless.query.js';
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

@Resolver(() => CashPointType)
export class CashPointResolver {
  @FieldResolver(() => CashPointThroughput, { description: 'What the point handled in a month (zero when not reported).' })
  async throughput(@Root() point: CashPoint, @Ctx() context: SubgraphContext, @Arg('month', () => String, { description: 'yyyy-mm.' }) month: string): Promise<CashPointThroughput> {
    return pointThroughput(context.em, point.id, month);
  }

  @Mutation(() => CashlessStatsPayload, { description: 'Sets how many officials the commune paid from the state budget in a year (FINANCE or OFFICER of the commune).' })
  async setBudgetPaidOfficials(@Arg('input', () => SetBudgetPaidOfficialsInput, { description: 'The figure.' }) input: SetBudgetPaidOfficialsInput, @Ctx() context: SubgraphContext): Promise<CashlessStatsPayload> {
    return { cashless: await setBudgetPaidOfficials(context.em, context.viewer, input) };
  }

  @Mutation(() => CashlessStatsPayload, { description: 'Records a cashless account opened for a budget-paid official or a producer (FINANCE or OFFICER of the commune). CONFLICT when that holder already has one with the provider.' })
  async recordCashlessAccount(@Arg('input', () => RecordCashlessAccountInput, { description: 'The account.' }) input: RecordCashlessAccountInput, @Ctx() context: SubgraphContext): Promise<CashlessStatsPayload> {
    return { cashless: await recordCashlessAccount(context.em, context.viewer, input) };
  }

  @Mutation(() => CashPointPayload, { description: 'Adds a cash-in/cash-out point (FINANCE or OFFICER of the commune).' })
  async addCashPoint(@Arg('input', () => AddCashPointInput, { description: 'The point.' }) input: AddCashPointInput, @Ctx() context: SubgraphContext): Promise<CashPointPayload> {
    return { cashPoint: await addCashPoint(context.em, context.viewer, input) };
  }

  @Mutation(() => CashPointPayload, { description: 'Records what a point handled in a month; the same month again replaces it (FINANCE or OFFICER of the commune).' })
  async recordCashPointMonth(@Arg('input', () => RecordCashPointMonthInput, { description: 'The month.' }) input: RecordCashPointMonthInput, @Ctx() context: SubgraphContext): Promise<CashPointPayload> {
    return { cashPoint: await recordCashPointMonth(context.em, context.viewer, input) };
  }
}

@Resolver(() => Commune)
export class CommuneCashlessResolver {
  @FieldResolver(() => CashlessStats, { nullable: true, description: 'Cashless payments in the commune (and the units merged into it) in a year: counts and shares, public (formulas on each field).' })
  @Directive(REQUIRES_LINEAGE)
  async cashless(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo, @Arg('year', () => Int, { description: 'Calendar year.' }) year: number): Promise<CashlessStats> {
    cacheForPeriod(info, { year });
    return cashlessInYear(context.em, communeScope(commune), year);
  }

  @FieldResolver(() => [CashPointType], { nullable: true, description: 'Cash-in/cash-out points in the commune (and the units merged into it), by name.' })
  @Directive(REQUIRES_LINEAGE)
  async cashPoints(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<CashPoint[]> {
    return listCashPoints(context.em, communeScope(commune));
  }

  @FieldResolver(() => CashPointThroughput, { nullable: true, description: 'What all the commune\'s cash points handled in a month (sums over its points).' })
  @Directive(REQUIRES_LINEAGE)
  async cashPointThroughput(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo, @Arg('month', () => String, { description: 'yyyy-mm.' }) month: string): Promise<CashPointThroughput> {
    cacheForPeriod(info, { month });
    return communeCashPointThroughput(context.em, communeScope(commune), month);
  }
}
