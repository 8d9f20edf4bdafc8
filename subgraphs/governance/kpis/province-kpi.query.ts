import type { SubgraphContext } from '../../../core/graphql/context.js';
import { KpiIndicator } from './kpi-enums.js';
import { kpiScope, loadProvinceDocumentCounts, loadProvinceDossierCounts, targetsByUnit } from './kpi-inputs.store.js';
import type { KpiTarget } from './kpi-target.entity.js';
import { documentFigures, dossierFigures, sumCounts, ZERO_DOCUMENTS, ZERO_DOSSIERS, type DocumentFigureValues, type DossierFigureValues } from './kpi.rules.js';
import { checkYear } from './year.rules.js';

export interface ProvinceDossierFigures extends DossierFigureValues {
  provinceIds: string[];
  /** The online-rate target the province set for its communes, null when none was set. */
  target: KpiTarget | null;
}

export interface ProvinceDocumentFigures extends DocumentFigureValues {
  provinceIds: string[];
}

/** A province's one-stop figures for a year, summed over its communes' dossiers; public. */
export async function provinceDossierFigures(context: SubgraphContext, provinceId: string, year: number, includePredecessors: boolean): Promise<ProvinceDossierFigures> {
  checkYear(year);
  // Asked for first, so the target's statement runs beside the counts' (as in communeDossierFigures).
  const targetLoaded = targetsByUnit(context, year, KpiIndicator.ONLINE_RATE).load(provinceId);
  const provinceIds = await kpiScope(context, provinceId, includePredecessors);
  const [countsByProvince, target] = await Promise.all([loadProvinceDossierCounts(context, year, provinceIds), targetLoaded]);
  return { provinceIds, ...dossierFigures(sumCounts(ZERO_DOSSIERS, countsByProvince), target), target };
}

/** A province's electronic-document figures for a year, summed over its communes' registers; public. */
export async function provinceDocumentFigures(context: SubgraphContext, provinceId: string, year: number, includePredecessors: boolean): Promise<ProvinceDocumentFigures> {
  checkYear(year);
  const provinceIds = await kpiScope(context, provinceId, includePredecessors);
  return { provinceIds, ...documentFigures(sumCounts(ZERO_DOCUMENTS, await loadProvinceDocumentCounts(context, year, provinceIds))) };
}
