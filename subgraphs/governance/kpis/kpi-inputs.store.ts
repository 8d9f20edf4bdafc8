import type DataLoader from 'dataloader';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { groupByKey, requestLoader } from '../../../core/graphql/context.js';
import { lineageLoader } from '../units/unit-registry.js';
import { countSummariesGrouped, type SummaryKind } from './grouped-counts.store.js';
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

type GroupBy = 'commune' | 'province';

/** `dossiers:<unit id>` or `documents:<unit id>`: a commune id (grouped by commune) or a province id (over the communes that belonged to it). */
type SummaryKey = `${SummaryKind}:${string}`;

/**
 * Dossier and document counts share one loader, so a response asking for both (the sample query's
 * dossierStats and documentStats) reads them in one statement; a response asking for one reads one
 * summary.
 */
function summaryCounts(context: SubgraphContext, by: GroupBy, year: number) {
  return requestLoader<SummaryKey, DossierCounts | DocumentCounts>(context, `summaryCounts:${by}:${year}`, async (keys) => {
    const ids = { dossiers: [] as string[], documents: [] as string[] };
    const parsed = keys.map((key) => {
      const colon = key.indexOf(':');
      return { kind: key.slice(0, colon) as SummaryKind, unitId: key.slice(colon + 1) };
    });
    for (const { kind, unitId } of parsed) ids[kind].push(unitId);
    const counts = await countSummariesGrouped(context.em, by, ids, year);
    return parsed.map(({ kind, unitId }) => (kind === 'dossiers' ? (counts.dossiers.get(unitId) ?? ZERO_DOSSIERS) : (counts.documents.get(unitId) ?? ZERO_DOCUMENTS)));
  });
}

function keysOf(kind: SummaryKind, unitIds: readonly string[]): SummaryKey[] {
  return unitIds.map((unitId): SummaryKey => `${kind}:${unitId}`);
}

/** Each commune's dossier counts of the year (zero for a commune without any), batched across the request. */
export function loadDossierCounts(context: SubgraphContext, year: number, communeIds: readonly string[]): Promise<DossierCounts[]> {
  return loadAll(summaryCounts(context, 'commune', year), keysOf('dossiers', communeIds)) as Promise<DossierCounts[]>;
}

/** Each commune's document counts of the year. */
export function loadDocumentCounts(context: SubgraphContext, year: number, communeIds: readonly string[]): Promise<DocumentCounts[]> {
  return loadAll(summaryCounts(context, 'commune', year), keysOf('documents', communeIds)) as Promise<DocumentCounts[]>;
}

/** Each province's dossier counts of the year, over the communes that belonged to it. */
export function loadProvinceDossierCounts(context: SubgraphContext, year: number, provinceIds: readonly string[]): Promise<DossierCounts[]> {
  return loadAll(summaryCounts(context, 'province', year), keysOf('dossiers', provinceIds)) as Promise<DossierCounts[]>;
}

/** Each province's document counts of the year. */
export function loadProvinceDocumentCounts(context: SubgraphContext, year: number, provinceIds: readonly string[]): Promise<DocumentCounts[]> {
  return loadAll(summaryCounts(context, 'province', year), keysOf('documents', provinceIds)) as Promise<DocumentCounts[]>;
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

/**
 * The units a KPI sums over: the unit itself, or with includePredecessors every unit merged into it
 * (recursively; a commune's or a province's), sorted; batched across the units of a response.
 */
export async function kpiScope(context: SubgraphContext, unitId: string, includePredecessors: boolean): Promise<string[]> {
  return includePredecessors ? [...(await lineageLoader(context).load(unitId))].sort() : [unitId];
}
