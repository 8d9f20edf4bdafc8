import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { invalidInput } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Commune } from '../units/commune.type.js';
import { lineageIds } from '../units/unit-registry.js';
import { countDocuments } from './document-stats.query.js';
import { countDossiers } from './dossier-stats.query.js';
import { KpiIndicator } from './kpi-enums.js';
import { applicableTarget, compareStated, ratio, round3, toTargetView } from './kpi-figures.js';
import { KpiTarget } from './kpi-target.entity.js';
import { DocumentStats, DossierStats, KpiTargetView } from './kpi.type.js';

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

export function checkYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw invalidInput(`year must be a calendar year between ${MIN_YEAR} and ${MAX_YEAR}, got ${year}.`, field);
  }
}

async function scopeIds(context: SubgraphContext, communeId: string, includePredecessors: boolean): Promise<string[]> {
  return includePredecessors ? (await lineageIds(context.em, communeId)).sort() : [communeId];
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
    @Ctx() context: SubgraphContext,
  ): Promise<DocumentStats> {
    checkYear(year);
    const communeIds = await scopeIds(context, commune.id, includePredecessors);
    const counts = await countDocuments(context.em, communeIds, year);
    const signedRate = ratio(counts.outgoingSigned, counts.outgoingElectronic);
    const stated = communeIds.length === 1 ? await compareStated(context.em, commune.id, year, { [KpiIndicator.SIGNED_RATE]: signedRate }) : [];
    return Object.assign(new DocumentStats(), {
      year,
      communeIds,
      ...counts,
      signedRate: round3(signedRate),
      incomingElectronicRate: round3(ratio(counts.incomingElectronic, counts.incoming)),
      stated,
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
    @Ctx() context: SubgraphContext,
  ): Promise<DossierStats> {
    checkYear(year);
    const communeIds = await scopeIds(context, commune.id, includePredecessors);
    const counts = await countDossiers(context.em, communeIds, year);
    const onlineRate = ratio(counts.online, counts.received);
    const onTimeRate = ratio(counts.resolvedOnTime, counts.resolvedOnTime + counts.resolvedOverdue);
    const target = await applicableTarget(context.em, commune, year, KpiIndicator.ONLINE_RATE);
    const stated =
      communeIds.length === 1
        ? await compareStated(context.em, commune.id, year, { [KpiIndicator.ONLINE_RATE]: onlineRate, [KpiIndicator.ON_TIME_RATE]: onTimeRate })
        : [];
    return Object.assign(new DossierStats(), {
      year,
      communeIds,
      ...counts,
      unresolved: counts.received - counts.resolvedOnTime - counts.resolvedOverdue,
      onlineRate: round3(onlineRate),
      onTimeRate: round3(onTimeRate),
      target: target ? toTargetView(target) : null,
      targetMet: target && onlineRate !== null ? onlineRate >= target.minimum : null,
      stated,
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
    checkYear(year);
    const targets = await context.em.find(KpiTarget, { year }, { orderBy: { unitId: 'asc', indicator: 'asc' } });
    return targets.map(toTargetView);
  }
}
