import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { statedDocumentFigures, statedDossierFigures, type StatedComparison } from './stated-figures.query.js';
import { DocumentStats, DossierStats, StatedFigureComparison } from './kpi.type.js';

const toType = (rows: StatedComparison[]) => rows.map((row) => Object.assign(new StatedFigureComparison(), row));

/**
 * The stated figures beside the computed rates, as field resolvers: read (one batched statement per
 * year) only when a response asks for them, not with every dossierStats and documentStats.
 */
@Resolver(() => DossierStats)
export class DossierStatedResolver {
  @FieldResolver(() => [StatedFigureComparison], {
    description: 'Dossier rates a source report stated for this commune and year (ONLINE_RATE, ON_TIME_RATE), each beside the computed value. Empty when predecessors are included.',
  })
  async stated(@Root() stats: DossierStats, @Ctx() context: SubgraphContext): Promise<StatedFigureComparison[]> {
    return toType(await statedDossierFigures(context, stats));
  }
}

@Resolver(() => DocumentStats)
export class DocumentStatedResolver {
  @FieldResolver(() => [StatedFigureComparison], {
    description: 'Document rates a source report stated for this commune and year (SIGNED_RATE), each beside the computed value. Empty when predecessors are included.',
  })
  async stated(@Root() stats: DocumentStats, @Ctx() context: SubgraphContext): Promise<StatedFigureComparison[]> {
    return toType(await statedDocumentFigures(context, stats));
  }
}
