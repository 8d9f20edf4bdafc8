import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Province } from '../units/province.type.js';
import { toTargetView } from './kpi.type.js';
import { provinceDocumentFigures, provinceDossierFigures } from './province-kpi.query.js';
import { ProvinceDocumentStats, ProvinceDossierStats } from './province-kpi.type.js';

const INCLUDE_PREDECESSORS =
  'Also count the communes of the provinces merged into this one, so that a merged province reports across the 2025 reform: ' +
  'Phú Thọ (from 2025-07-01) for 2021 counts the records of the communes of Hòa Bình, Phú Thọ and Vĩnh Phúc. Default false.';

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
    const { target, ...figures } = await provinceDossierFigures(context, province.id, year, includePredecessors);
    return Object.assign(new ProvinceDossierStats(), { year, ...figures, target: target ? toTargetView(target) : null });
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
    return Object.assign(new ProvinceDocumentStats(), { year, ...(await provinceDocumentFigures(context, province.id, year, includePredecessors)) });
  }
}
