import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Commune } from '../units/commune.type.js';
import { listIndicators } from './indicator.query.js';
import { IndicatorValue } from './indicator.type.js';

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
    return listIndicators(context.em, commune.id, year);
  }
}
