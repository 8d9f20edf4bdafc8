import type { SubgraphContext } from '../../../core/graphql/context.js';
import { groupByKey, requestLoader } from '../../../core/graphql/context.js';
import type { DocumentCounts } from './document-stats.query.js';
import type { DossierCounts } from './dossier-stats.query.js';
import { countDocumentsGrouped, countDossiersGrouped, ZERO_DOCUMENTS, ZERO_DOSSIERS } from './grouped-counts.query.js';
import type { KpiIndicator } from './kpi-enums.js';
import type { KpiTarget } from './kpi-target.entity.js';
import { findTargets } from './kpi-target.store.js';
import { StatedFigure } from './stated-figure.entity.js';

/**
 * Per-request loaders of the KPI inputs, keyed by year (and indicator): the figures of every
 * commune a response shows (a province page of 100) come from one grouped statement per kind of
 * input, whatever the number of communes.
 */
export function dossierCountsByUnit(context: SubgraphContext, year: number) {
  return requestLoader<string, DossierCounts>(context, `dossierCounts:${year}`, async (ids) => {
    const counts = await countDossiersGrouped(context.em, 'commune', ids, year);
    return ids.map((id) => counts.get(id) ?? ZERO_DOSSIERS);
  });
}

export function documentCountsByUnit(context: SubgraphContext, year: number) {
  return requestLoader<string, DocumentCounts>(context, `documentCounts:${year}`, async (ids) => {
    const counts = await countDocumentsGrouped(context.em, 'commune', ids, year);
    return ids.map((id) => counts.get(id) ?? ZERO_DOCUMENTS);
  });
}

/** Counts over the communes that belonged to each province (by province unit id). */
export function dossierCountsByProvince(context: SubgraphContext, year: number) {
  return requestLoader<string, DossierCounts>(context, `provinceDossierCounts:${year}`, async (ids) => {
    const counts = await countDossiersGrouped(context.em, 'province', ids, year);
    return ids.map((id) => counts.get(id) ?? ZERO_DOSSIERS);
  });
}

export function documentCountsByProvince(context: SubgraphContext, year: number) {
  return requestLoader<string, DocumentCounts>(context, `provinceDocumentCounts:${year}`, async (ids) => {
    const counts = await countDocumentsGrouped(context.em, 'province', ids, year);
    return ids.map((id) => counts.get(id) ?? ZERO_DOCUMENTS);
  });
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
