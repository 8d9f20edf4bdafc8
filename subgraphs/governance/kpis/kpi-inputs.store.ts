import type DataLoader from 'dataloader';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { groupByKey, requestLoader } from '../../../core/graphql/context.js';
import { countDocumentsGrouped, countDossiersGrouped } from './grouped-counts.query.js';
import type { KpiIndicator } from './kpi-enums.js';
import type { KpiTarget } from './kpi-target.entity.js';
import { findTargets } from './kpi-target.store.js';
import { ZERO_DOCUMENTS, ZERO_DOSSIERS, type DocumentCounts, type DossierCounts } from './kpi.rules.js';
import { StatedFigure } from './stated-figure.entity.js';

/**
 * Per-request loaders of the KPI inputs, keyed by year (and indicator): the figures of every
 * commune a response shows (a province page of 100) come from one grouped statement per kind of
 * input, whatever the number of communes.
 */

/** `loader.loadMany` that fails on the first error instead of returning it among the values. */
async function loadAll<K, V>(loader: DataLoader<K, V>, keys: readonly K[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  for (const value of values) if (value instanceof Error) throw value;
  return values as V[];
}

function dossierCountsByUnit(context: SubgraphContext, year: number) {
  return requestLoader<string, DossierCounts>(context, `dossierCounts:${year}`, async (ids) => {
    const counts = await countDossiersGrouped(context.em, 'commune', ids, year);
    return ids.map((id) => counts.get(id) ?? ZERO_DOSSIERS);
  });
}

function documentCountsByUnit(context: SubgraphContext, year: number) {
  return requestLoader<string, DocumentCounts>(context, `documentCounts:${year}`, async (ids) => {
    const counts = await countDocumentsGrouped(context.em, 'commune', ids, year);
    return ids.map((id) => counts.get(id) ?? ZERO_DOCUMENTS);
  });
}

/** Counts over the communes that belonged to each province (by province unit id). */
function dossierCountsByProvince(context: SubgraphContext, year: number) {
  return requestLoader<string, DossierCounts>(context, `provinceDossierCounts:${year}`, async (ids) => {
    const counts = await countDossiersGrouped(context.em, 'province', ids, year);
    return ids.map((id) => counts.get(id) ?? ZERO_DOSSIERS);
  });
}

function documentCountsByProvince(context: SubgraphContext, year: number) {
  return requestLoader<string, DocumentCounts>(context, `provinceDocumentCounts:${year}`, async (ids) => {
    const counts = await countDocumentsGrouped(context.em, 'province', ids, year);
    return ids.map((id) => counts.get(id) ?? ZERO_DOCUMENTS);
  });
}

/** Each commune's dossier counts of the year (zero for a commune without any), batched across the request. */
export function loadDossierCounts(context: SubgraphContext, year: number, communeIds: readonly string[]): Promise<DossierCounts[]> {
  return loadAll(dossierCountsByUnit(context, year), communeIds);
}

/** Each commune's document counts of the year. */
export function loadDocumentCounts(context: SubgraphContext, year: number, communeIds: readonly string[]): Promise<DocumentCounts[]> {
  return loadAll(documentCountsByUnit(context, year), communeIds);
}

/** Each province's dossier counts of the year, over the communes that belonged to it. */
export function loadProvinceDossierCounts(context: SubgraphContext, year: number, provinceIds: readonly string[]): Promise<DossierCounts[]> {
  return loadAll(dossierCountsByProvince(context, year), provinceIds);
}

/** Each province's document counts of the year. */
export function loadProvinceDocumentCounts(context: SubgraphContext, year: number, provinceIds: readonly string[]): Promise<DocumentCounts[]> {
  return loadAll(documentCountsByProvince(context, year), provinceIds);
}

/** The target a unit (commune or province) received or set for a year and indicator, if any. */
export function targetsByUnit(context: SubgraphContext, year: number, indicator: KpiIndicator) {
  return requestLoader<string, KpiTarget | null>(context, `targets:${year}:${indicator}`, async (ids) => {
    const targets = await findTargets(context.em, year, indicator, ids);
    const byUnit = new Map(targets.map((t) => [t.unitId, t]));
    return ids.map((id) => byUnit.get(id) ?? null);
  });
}

/** The figures source reports stated for a unit and year, every indicator, ordered by indicator and source. */
export function statedByUnit(context: SubgraphContext, year: number) {
  return requestLoader<string, StatedFigure[]>(context, `stated:${year}`, async (ids) => {
    const figures = await context.em.find(StatedFigure, { year, unitId: { $in: [...ids] } }, { orderBy: { indicator: 'asc', source: 'asc' } });
    return groupByKey(ids, figures, (f) => f.unitId);
  });
}
