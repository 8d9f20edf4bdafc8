import { cacheForPeriod } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Commune } from '../units/commune.type.js';
import { lineageLoader } from '../units/unit-registry.js';
import { loadAll } from './kpi-loading.js';
import { documentCountsByUnit, dossierCountsByUnit, targetsByUnit } from './kpi-loaders.js';
import { sumCounts, ZERO_DOCUMENTS, ZERO_DOSSIERS } from './grouped-counts.query.js';
import { KpiIndicator } from './kpi-enums.js';
import { applicableTarget, ratio, round3, toTargetView } from './kpi-figures.js';
import { listKpiTargets } from './kpi-targets.query.js';
import { DocumentStats, DossierStats, KpiTargetView } from './kpi.type.js';
import { checkYear } from './year.rules.js';

/** The commune, or with includePredecessors its whole lineage (sorted); batched across the communes of a response. */
async function scopeIds(context: SubgraphContext, communeId: string, includePredecessors: boolean): Promise<string[]> {
  return includePredecessors ? [...(await lineageLoader(context).load(communeId))].sort() : [communeId];
}

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
    checkYear(year);
    const communeIds = await scopeIds(context, commune.id, includePredecessors);
    const counts = sumCounts(ZERO_DOCUMENTS, await loadAll(documentCountsByUnit(context, year), communeIds));
    return Object.assign(new DocumentStats(), {
      year,
      communeIds,
      ...counts,
      signedRate: round3(ratio(counts.outgoingSigned, counts.outgoingElectronic)),
      incomingElectronicRate: round3(ratio(counts.incomingElectronic, counts.incoming)),
    });
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
    checkYear(year);
    // The targets are asked for before the counts are awaited: both loaders dispatch in the same tick,
    // so their two statements run at once on two pooled connections (one round trip to the database,
    // not two one after the other; on a loaded machine each is a wake-up of a database process).
    const targets = targetsByUnit(context, year, KpiIndicator.ONLINE_RATE);
    const targetsLoaded = Promise.all([targets.load(commune.id), commune.provinceId ? targets.load(commune.provinceId) : null]);
    const communeIds = await scopeIds(context, commune.id, includePredecessors);
    const [countsByUnit, [own, provinceWide]] = await Promise.all([loadAll(dossierCountsByUnit(context, year), communeIds), targetsLoaded]);
    const counts = sumCounts(ZERO_DOSSIERS, countsByUnit);
    const onlineRate = ratio(counts.online, counts.received);
    const onTimeRate = ratio(counts.resolvedOnTime, counts.resolvedOnTime + counts.resolvedOverdue);
    const target = applicableTarget(own, provinceWide);
    return Object.assign(new DossierStats(), {
      year,
      communeIds,
      ...counts,
      unresolved: counts.received - counts.resolvedOnTime - counts.resolvedOverdue,
      onlineRate: round3(onlineRate),
      onTimeRate: round3(onTimeRate),
      target: target ? toTargetView(target) : null,
      targetMet: target && onlineRate !== null ? onlineRate >= target.minimum : null,
    });
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
