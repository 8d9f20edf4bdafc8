import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { statedByUnit } from './kpi-inputs.store.js';
import { compareStated, documentRates, dossierRates } from './kpi.rules.js';
import { DocumentStats, DossierStats, StatedFigureComparison } from './kpi.type.js';
import type { StatedFigure } from './stated-figure.entity.js';

function toComparisons(figures: readonly StatedFigure[], computed: ReturnType<typeof dossierRates>): StatedFigureComparison[] {
  return compareStated(figures, computed).map(({ figure, computed: value, difference, consistent }) =>
    Object.assign(new StatedFigureComparison(), {
      indicator: figure.indicator,
      stated: figure.value,
      computed: value,
      difference,
      consistent,
      source: figure.source,
      note: figure.note ?? null,
    }),
  );
}

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
    return toComparisons(await statedByUnit(context, stats.year).load(stats.communeIds[0]!), dossierRates(stats));
  }
}

@Resolver(() => DocumentStats)
export class DocumentStatedResolver {
  @FieldResolver(() => [StatedFigureComparison], {
    description: 'Document rates a source report stated for this commune and year (SIGNED_RATE), each beside the computed value. Empty when predecessors are included.',
  })
  async stated(@Root() stats: DocumentStats, @Ctx() context: SubgraphContext): Promise<StatedFigureComparison[]> {
    if (stats.communeIds.length !== 1) return [];
    return toComparisons(await statedByUnit(context, stats.year).load(stats.communeIds[0]!), documentRates(stats));
  }
}
