import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { checkYear } from '../kpis/year.rules.js';
import { Commune } from '../units/commune.type.js';
import { lineageIds } from '../units/unit-registry.js';
import { budgetSummary } from './budget.query.js';
import { BudgetSummary } from './budget.type.js';

@Resolver(() => Commune)
export class CommuneBudgetResolver {
  @FieldResolver(() => BudgetSummary, {
    nullable: true,
    description:
      'The commune\'s budget for a calendar year: revenue and expenditure estimate vs actual, execution rate = actual ÷ estimate, ' +
      'a monthly series and totals per budget item. Null when nothing was recorded for the year. Public.',
  })
  async budget(
    @Root() commune: Commune,
    @Arg('year', () => Int, { description: 'Budget year, e.g. 2021.' }) year: number,
    @Arg('includePredecessors', () => Boolean, { defaultValue: false, description: 'Also count the budgets of the units merged into this one (recursively). Default false.' })
    includePredecessors: boolean,
    @Ctx() context: SubgraphContext,
  ): Promise<BudgetSummary | null> {
    checkYear(year);
    const communeIds = includePredecessors ? (await lineageIds(context.em, commune.id)).sort() : [commune.id];
    const summary = await budgetSummary(context.em, communeIds, year);
    if (!summary) return null;
    return Object.assign(new BudgetSummary(), {
      year,
      communeIds,
      ...summary,
      items: summary.items.map((i) => ({ ...i, sectionCode: i.sectionCode || null })),
    });
  }
}
