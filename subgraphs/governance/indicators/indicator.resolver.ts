import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { checkYear } from '../kpis/kpi.resolver.js';
import { Commune } from '../units/commune.type.js';
import { INDICATOR_UNITS } from './indicator.rules.js';
import { IndicatorValue } from './indicator.type.js';
import { SocioEconomicValue } from './socio-economic-value.entity.js';

@Resolver(() => Commune)
export class CommuneIndicatorResolver {
  @FieldResolver(() => [IndicatorValue], {
    description: 'The commune\'s socio-economic indicators (population, households, poverty, income, broadband, cashless accounts), ordered by year and indicator. Public.',
  })
  async indicators(
    @Root() commune: Commune,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year; every year recorded when omitted.' }) year: number | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<IndicatorValue[]> {
    if (year !== undefined && year !== null) checkYear(year);
    const rows = await context.em.find(
      SocioEconomicValue,
      { unitId: commune.id, ...(year !== undefined && year !== null ? { year } : {}) },
      { orderBy: { year: 'asc', indicator: 'asc' } },
    );
    return rows.map((r) =>
      Object.assign(new IndicatorValue(), {
        indicator: r.indicator,
        year: r.year,
        value: r.value,
        unit: INDICATOR_UNITS[r.indicator],
        periodFrom: r.periodFrom,
        periodTo: r.periodTo,
        source: r.source,
        note: r.note ?? null,
      }),
    );
  }
}
