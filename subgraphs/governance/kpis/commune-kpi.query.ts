import type { SubgraphContext } from '../../../core/graphql/context.js';
import { KpiIndicator } from './kpi-enums.js';
import { kpiScope, loadDocumentCounts, loadDossierCounts, targetsByUnit } from './kpi-inputs.store.js';
import type { KpiTarget } from './kpi-target.entity.js';
import { applicableTarget, documentFigures, dossierFigures, sumCounts, ZERO_DOCUMENTS, ZERO_DOSSIERS, type DocumentFigureValues, type DossierFigureValues } from './kpi.rules.js';
import { checkYear } from './year.rules.js';

/** The commune whose figures are asked for: its id and the province it belongs to. */
export interface KpiCommune {
  id: string;
  provinceId?: string | null;
}

export interface CommuneDossierFigures extends DossierFigureValues {
  communeIds: string[];
  /** The online-rate target that applies, null when none was set. */
  target: KpiTarget | null;
}

export interface CommuneDocumentFigures extends DocumentFigureValues {
  communeIds: string[];
}

/** A commune's one-stop figures for a year, over its dossiers (and its predecessors'); public. */
export async function communeDossierFigures(context: SubgraphContext, commune: KpiCommune, year: number, includePredecessors: boolean): Promise<CommuneDossierFigures> {
  checkYear(year);
  // The targets are asked for before the counts are awaited: both loaders dispatch in the same tick,
  // so their two statements run at once on two pooled connections (one round trip to the database,
  // not two one after the other; on a loaded machine each is a wake-up of a database process).
  const targets = targetsByUnit(context, year, KpiIndicator.ONLINE_RATE);
  const targetsLoaded = Promise.all([targets.load(commune.id), commune.provinceId ? targets.load(commune.provinceId) : null]);
  const communeIds = await kpiScope(context, commune.id, includePredecessors);
  const [countsByUnit, [own, provinceWide]] = await Promise.all([loadDossierCounts(context, year, communeIds), targetsLoaded]);
  const target = applicableTarget(own, provinceWide);
  return { communeIds, ...dossierFigures(sumCounts(ZERO_DOSSIERS, countsByUnit), target), target };
}

/** A commune's electronic-document figures for a year, over its register (and its predecessors'); public. */
export async function communeDocumentFigures(context: SubgraphContext, communeId: string, year: number, includePredecessors: boolean): Promise<CommuneDocumentFigures> {
  checkYear(year);
  const communeIds = await kpiScope(context, communeId, includePredecessors);
  return { communeIds, ...documentFigures(sumCounts(ZERO_DOCUMENTS, await loadDocumentCounts(context, year, communeIds))) };
}
