import { KpiIndicator, TargetScope } from './kpi-enums.js';
import type { KpiTarget } from './kpi-target.entity.js';
import type { StatedFigure } from './stated-figure.entity.js';
import { KpiTargetView, StatedFigureComparison } from './kpi.type.js';

/** numerator ÷ denominator, unrounded; null for an empty denominator. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Rates are published to 0.001 (one decimal of a percentage), as the schema guide's `0.778`. */
export function round3(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

/** Stated figures for these indicators, each beside the computed value (figures of other indicators are left out). */
export function compareStated(figures: readonly StatedFigure[], computed: Partial<Record<KpiIndicator, number | null>>): StatedFigureComparison[] {
  return figures
    .filter((f) => f.indicator in computed)
    .map((f) => {
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

/** The commune's own target for the year if set, else its province's (a province-scoped target of the province unit). */
export function applicableTarget(own: KpiTarget | null, province: KpiTarget | null): KpiTarget | null {
  return own?.scope === TargetScope.COMMUNE ? own : province;
}
