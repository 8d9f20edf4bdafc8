import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { KpiIndicator } from './kpi-enums.js';
import { compareStated, ratio } from './kpi-figures.js';
import { statedByUnit } from './kpi-loaders.js';
import { DocumentStats, DossierStats, StatedFigureComparison } from './kpi.type.js';

/**
 * The stated figures beside the computed rates, as field resolvers: read (one batched statement per
 * year) only when a response asks for them, not with every dossierStats and documentStats. The rates
 * are recomputed unrounded from the counts, as the comparison needs.
 */
@Resolver(() => DossierStats)
export class DossierStatedResolver {
  @FieldResolver(() => [StatedFigureComparison], {
    description: 'Dossier rates a source report stated for this commune and year (ONLINE_RATE, ON_TIME_RATE), each beside the computed value. Empty when predecessors are included.',
  })
  async stated(@Root() stats: DossierStats, @Ctx() context: SubgraphContext): Promise<StatedFigureComparison[]> {
    if (stats.communeIds.length !== 1) return [];
    return compareStated(await statedByUnit(context, stats.year).load(stats.communeIds[0]!), {
      [KpiIndicator.ONLINE_RATE]: ratio(stats.online, stats.received),
      [KpiIndicator.ON_TIME_RATE]: ratio(stats.resolvedOnTime, stats.resolvedOnTime + stats.resolvedOverdue),
    });
  }
}

@Resolver(() => DocumentStats)
export class DocumentStatedResolver {
  @FieldResolver(() => [StatedFigureComparison], {
    description: 'Document rates a source report stated for this commune and year (SIGNED_RATE), each beside the computed value. Empty when predecessors are included.',
  })
  async stated(@Root() stats: DocumentStats, @Ctx() context: SubgraphContext): Promise<StatedFigureComparison[]> {
    if (stats.communeIds.length !== 1) return [];
    return compareStated(await statedByUnit(context, stats.year).load(stats.communeIds[0]!), {
      [KpiIndicator.SIGNED_RATE]: ratio(stats.outgoingSigned, stats.outgoingElectronic),
    });
  }
}
