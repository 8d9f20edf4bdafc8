import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Province } from '../units/province.type.js';
import { lineageLoader } from '../units/unit-registry.js';
import { sumCounts, ZERO_DOCUMENTS, ZERO_DOSSIERS } from './grouped-counts.query.js';
import { KpiIndicator } from './kpi-enums.js';
import { ratio, round3, toTargetView } from './kpi-figures.js';
import { loadAll } from './kpi-loading.js';
import { documentCountsByProvince, dossierCountsByProvince, targetsByUnit } from './kpi-loaders.js';
import { checkYear } from './year.rules.js';
import { ProvinceDocumentStats, ProvinceDossierStats } from './province-kpi.type.js';

const INCLUDE_PREDECESSORS =
  'Also count the communes of the provinces merged into this one, so that a merged province reports across the 2025 reform: ' +
  'Phú Thọ (from 2025-07-01) for 2021 counts the records of the communes of Hòa Bình, Phú Thọ and Vĩnh Phúc. Default false.';

/** The province, or with includePredecessors every province merged into it (recursively), sorted. */
async function provinceScope(context: SubgraphContext, provinceId: string, includePredecessors: boolean): Promise<string[]> {
  return includePredecessors ? [...(await lineageLoader(context).load(provinceId))].sort() : [provinceId];
}

@Resolver(() => Province)
export class ProvinceKpiResolver {
  @FieldResolver(() => ProvinceDossierStats, {
    description:
      'One-stop KPIs of the province for a calendar year over the dossiers its communes received in it: sums, onlineRate = online ÷ received, ' +
      'onTimeRate = resolvedOnTime ÷ (resolvedOnTime + resolvedOverdue), the province\'s online-rate target and whether it was met. ' +
      'One grouped query for every province of a response. Public (aggregates only).',
  })
  async dossierStats(
    @Root() province: Province,
    @Arg('year', () => Int, { description: 'Calendar year (Asia/Ho_Chi_Minh), e.g. 2021.' }) year: number,
    @Arg('includePredecessors', () => Boolean, { defaultValue: false, description: INCLUDE_PREDECESSORS }) includePredecessors: boolean,
    @Ctx() context: SubgraphContext,
  ): Promise<ProvinceDossierStats> {
    checkYear(year);
    // Asked for first, so the target's statement runs beside the counts' (as in CommuneKpiResolver.dossierStats).
    const targetLoaded = targetsByUnit(context, year, KpiIndicator.ONLINE_RATE).load(province.id);
    const provinceIds = await provinceScope(context, province.id, includePredecessors);
    const [countsByProvince, target] = await Promise.all([loadAll(dossierCountsByProvince(context, year), provinceIds), targetLoaded]);
    const counts = sumCounts(ZERO_DOSSIERS, countsByProvince);
    const onlineRate = ratio(counts.online, counts.received);
    return Object.assign(new ProvinceDossierStats(), {
      year,
      provinceIds,
      ...counts,
      unresolved: counts.received - counts.resolvedOnTime - counts.resolvedOverdue,
      onlineRate: round3(onlineRate),
      onTimeRate: round3(ratio(counts.resolvedOnTime, counts.resolvedOnTime + counts.resolvedOverdue)),
      target: target ? toTargetView(target) : null,
      targetMet: target && onlineRate !== null ? onlineRate >= target.minimum : null,
    });
  }

  @FieldResolver(() => ProvinceDocumentStats, {
    description:
      'Electronic-document KPIs of the province for a calendar year, summed over its communes\' registers: signedRate = outgoingSigned ÷ outgoingElectronic. ' +
      'One grouped query for every province of a response. Public (aggregates only).',
  })
  async documentStats(
    @Root() province: Province,
    @Arg('year', () => Int, { description: 'Calendar year (Asia/Ho_Chi_Minh), e.g. 2021.' }) year: number,
    @Arg('includePredecessors', () => Boolean, { defaultValue: false, description: INCLUDE_PREDECESSORS }) includePredecessors: boolean,
    @Ctx() context: SubgraphContext,
  ): Promise<ProvinceDocumentStats> {
    checkYear(year);
    const provinceIds = await provinceScope(context, province.id, includePredecessors);
    const counts = sumCounts(ZERO_DOCUMENTS, await loadAll(documentCountsByProvince(context, year), provinceIds));
    return Object.assign(new ProvinceDocumentStats(), {
      year,
      provinceIds,
      ...counts,
      signedRate: round3(ratio(counts.outgoingSigned, counts.outgoingElectronic)),
      incomingElectronicRate: round3(ratio(counts.incomingElectronic, counts.incoming)),
    });
  }
}
