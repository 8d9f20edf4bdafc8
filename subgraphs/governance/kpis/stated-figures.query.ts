import type { SubgraphContext } from '../../../core/graphql/context.js';
import type { KpiIndicator } from './kpi-enums.js';
import { statedByUnit } from './kpi-inputs.store.js';
import { compareStated, documentRates, dossierRates, type DocumentCounts, type DossierCounts } from './kpi.rules.js';

/** What a comparison row carries; the resolver turns it into the GraphQL type. */
export interface StatedComparison {
  indicator: KpiIndicator;
  stated: number;
  computed: number | null;
  difference: number | null;
  consistent: boolean;
  source: string;
  note: string | null;
}

/** Figures of a year for the units counted: the commune, or it and its predecessors. */
interface UnitYear {
  year: number;
  communeIds: readonly string[];
}

/**
 * The figures a source report stated for one commune and year, each beside the rate the hub
 * computes (unrounded, as the comparison needs). Predecessors included (several units): none, as a
 * report states a figure for one unit. Read through the request's batched loader: a page of
 * communes costs one statement per year.
 */
async function comparisons(context: SubgraphContext, { year, communeIds }: UnitYear, rates: ReturnType<typeof dossierRates>): Promise<StatedComparison[]> {
  if (communeIds.length !== 1) return [];
  const figures = await statedByUnit(context, year).load(communeIds[0]!);
  return compareStated(figures, rates).map(({ figure, computed, difference, consistent }) => ({
    indicator: figure.indicator,
    stated: figure.value,
    computed,
    difference,
    consistent,
    source: figure.source,
    note: figure.note ?? null,
  }));
}

export function statedDossierFigures(context: SubgraphContext, stats: UnitYear & DossierCounts): Promise<StatedComparison[]> {
  return comparisons(context, stats, dossierRates(stats));
}

export function statedDocumentFigures(context: SubgraphContext, stats: UnitYear & DocumentCounts): Promise<StatedComparison[]> {
  return comparisons(context, stats, documentRates(stats));
}
