import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { countDossiersByMonth } from './dossier-months.query.js';
import { DossierStats } from './kpi.type.js';

@ObjectType({ description: 'Dossiers received in one month of the year.' })
export class DossierMonth {
  @Field(() => Int, { description: 'Month, 1..12.' })
  month!: number;

  @Field(() => Int, { description: 'Dossiers received in the month, all channels.' })
  received!: number;

  @Field(() => Int, { description: 'Of those, received online.' })
  online!: number;
}

@Resolver(() => DossierStats)
export class DossierMonthsResolver {
  @FieldResolver(() => [DossierMonth], { description: 'The year\'s dossiers by month of reception (Asia/Ho_Chi_Minh calendar), January first; they sum to received and online. Public.' })
  async months(@Root() stats: DossierStats, @Ctx() context: SubgraphContext): Promise<DossierMonth[]> {
    return countDossiersByMonth(context.em, stats.communeIds, stats.year);
  }
}
