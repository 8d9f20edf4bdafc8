import type { EntityManager } from '@mikro-orm/core';
import { KpiIndicator, TargetScope } from './kpi-enums.js';
import { KpiTarget } from './kpi-target.entity.js';
import { StatedFigure } from './stated-figure.entity.js';
import { KpiTargetView, StatedFigureComparison } from './kpi.type.js';

/** numerator ÷ denominator, unrounded; null for an empty denominator. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Rates are published to 0.001 (one decimal of a percentage), as the schema guide's `0.778`. */
export function round3(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

/** Stated figures of one unit and year for these indicators, each beside the computed value. */
export async function compareStated(
  em: EntityManager,
  unitId: string,
  year: number,
  computed: Partial<Record<KpiIndicator, number | null>>,
): Promise<StatedFigureComparison[]> {
  const indicators = Object.keys(computed) as KpiIndicator[];
  const figures = await em.find(StatedFigure, { unitId, year, indicator: { $in: indicators } }, { orderBy: { indicator: 'asc', source: 'asc' } });
  return figures.map((f) => {
    const value = computed[f.indicator] ?? null;
    return Object.assign(new StatedFigureComparison(), {
      indicator: f.indicator,
      stated: f.value,
      computed: round3(value),
      difference: value === null ? null : round3(value - f.value),
      // Within half a rounding step of the statement: 972/976 = 0.99590 is consistent with a stated 99.6%.
      consistent: value !== null && Math.abs(value - f.value) <= f.precision / 2 + 1e-9,
      source: f.source,
      note: f.note ?? null,
    });
  });
}

export function toTargetView(target: KpiTarget): KpiTargetView {
  return Object.assign(new KpiTargetView(), {
    indicator: target.indicator,
    year: target.year,
    minimum: target.minimum,
    scope: target.scope,
    unitId: target.unitId,
    source: target.source,
  });
}

/** The commune's own target for the year if set, else its province's. */
export async function applicableTarget(
  em: EntityManager,
  commune: { id: string; provinceId: string },
  year: number,
  indicator: KpiIndicator,
): Promise<KpiTarget | null> {
  const targets = await em.find(KpiTarget, { year, indicator, unitId: { $in: [commune.id, commune.provinceId] } });
  return targets.find((t) => t.scope === TargetScope.COMMUNE && t.unitId === commune.id) ?? targets.find((t) => t.unitId === commune.provinceId) ?? null;
}
