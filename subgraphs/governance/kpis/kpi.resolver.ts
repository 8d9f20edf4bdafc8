import { cacheForPeriod } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Commune } from '../units/commune.type.js';
import { communeDocumentFigures, communeDossierFigures } from './commune-kpi.query.js';
import { listKpiTargets } from './kpi-targets.query.js';
import { DocumentStats, DossierStats, KpiTargetView, toTargetView } from './kpi.type.js';

const INCLUDE_PREDECESSORS =
  'Also count the records of the units merged into this one (recursively, including those only partly merged), ' +
  'e.g. Hợp Kim with Nam Thượng, Kim Lập and Sào Báy, to report across the 2025 reform. Default false.';

@Resolver(() => Commune)
export class CommuneKpiResolver {
  @FieldResolver(() => DocumentStats, {
    description:
      'Electronic-document KPIs for a calendar year, computed from the document register: incoming, incomingElectronic, outgoing, ' +
      'outgoingElectronic, outgoingSigned and signedRate = outgoingSigned ÷ outgoingElectronic; with any rate a source report stated beside it. Public (aggregates only).',
  })
  async documentStats(
    @Root() commune: Commune,
    @Arg('year', () => Int, { description: 'Calendar year (Asia/Ho_Chi_Minh), e.g. 2021.' }) year: number,
    @Arg('includePredecessors', () => Boolean, { defaultValue: false, description: INCLUDE_PREDECESSORS }) includePredecessors: boolean,
    @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo,
  ): Promise<DocumentStats> {
    cacheForPeriod(info, { year });
    return Object.assign(new DocumentStats(), { year, ...(await communeDocumentFigures(context, commune.id, year, includePredecessors)) });
  }

  @FieldResolver(() => DossierStats, {
    description:
      'One-stop KPIs for a calendar year over the dossiers received in it: received, resolvedOnTime, resolvedOverdue, online, ' +
      'onlineRate = online ÷ received, onTimeRate = resolvedOnTime ÷ (resolvedOnTime + resolvedOverdue), the applicable online-rate ' +
      'target and whether it was met; with any rate a source report stated beside it. Public (aggregates only).',
  })
  async dossierStats(
    @Root() commune: Commune,
    @Arg('year', () => Int, { description: 'Calendar year (Asia/Ho_Chi_Minh), e.g. 2021.' }) year: number,
    @Arg('includePredecessors', () => Boolean, { defaultValue: false, description: INCLUDE_PREDECESSORS }) includePredecessors: boolean,
    @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo,
  ): Promise<DossierStats> {
    cacheForPeriod(info, { year });
    const { target, ...figures } = await communeDossierFigures(context, commune, year, includePredecessors);
    return Object.assign(new DossierStats(), { year, ...figures, target: target ? toTargetView(target) : null });
  }
}

@Resolver(() => KpiTargetView)
export class KpiTargetResolver {
  @Query(() => [KpiTargetView], { description: 'Targets set for a year, province-wide and per commune, ordered by unit and indicator. Public.' })
  async kpiTargets(
    @Arg('year', () => Int, { description: 'Calendar year, e.g. 2021.' }) year: number,
    @Ctx() context: SubgraphContext,
  ): Promise<KpiTargetView[]> {
    return listKpiTargets(context.em, year);
  }
}
