import { KpiIndicator, TargetScope } from './kpi-enums.js';

/**
 * The KPI formulas (DOMAIN.md section 3), from counts to figures: no I/O, no GraphQL. The commune's
 * and the province's figures, and the stated-figure comparisons, all compute their rates here.
 */

/** A register's document counts for a year (summed over a commune's or a province's month summary). */
export interface DocumentCounts {
  incoming: number;
  incomingElectronic: number;
  outgoing: number;
  outgoingElectronic: number;
  outgoingSigned: number;
}

/** The one-stop counts over the dossiers received in a year. */
export interface DossierCounts {
  received: number;
  resolvedOnTime: number;
  resolvedOverdue: number;
  online: number;
}

export const ZERO_DOSSIERS: DossierCounts = { received: 0, resolvedOnTime: 0, resolvedOverdue: 0, online: 0 };
export const ZERO_DOCUMENTS: DocumentCounts = { incoming: 0, incomingElectronic: 0, outgoing: 0, outgoingElectronic: 0, outgoingSigned: 0 };

/** Adds up counts of several units (a commune and its predecessors, a province and those merged into it). */
export function sumCounts<T extends object>(zero: T, parts: readonly (T | undefined)[]): T {
  const total = { ...zero } as Record<string, number>;
  for (const part of parts) {
    if (!part) continue;
    for (const [k, v] of Object.entries(part)) total[k] = (total[k] ?? 0) + (v as number);
  }
  return total as T;
}

/** numerator ÷ denominator, unrounded; null for an empty denominator. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Rates are published to 0.001 (one decimal of a percentage), as the schema guide's `0.778`; never -0 (a difference of -0.0001). */
export function round3(value: number | null): number | null {
  if (value === null) return null;
  const rounded = Math.round(value * 1000) / 1000;
  return rounded === 0 ? 0 : rounded;
}

/** What the target rules need of a target: whom it was set for and its minimum. */
export interface TargetLike {
  scope: TargetScope;
  minimum: number;
}

/** The commune's own target for the year if set, else its province's (a province-scoped target of the province unit). */
export function applicableTarget<T extends TargetLike>(own: T | null, province: T | null): T | null {
  return own?.scope === TargetScope.COMMUNE ? own : province;
}

/** The unrounded rates of the dossier KPIs, as the comparison with a stated figure needs them. */
export function dossierRates(counts: DossierCounts): Partial<Record<KpiIndicator, number | null>> {
  return {
    [KpiIndicator.ONLINE_RATE]: ratio(counts.online, counts.received),
    [KpiIndicator.ON_TIME_RATE]: ratio(counts.resolvedOnTime, counts.resolvedOnTime + counts.resolvedOverdue),
  };
}

/** The unrounded rates of the document KPIs. */
export function documentRates(counts: DocumentCounts): Partial<Record<KpiIndicator, number | null>> {
  return { [KpiIndicator.SIGNED_RATE]: ratio(counts.outgoingSigned, counts.outgoingElectronic) };
}

export interface DossierFigureValues extends DossierCounts {
  /** received − resolvedOnTime − resolvedOverdue. */
  unresolved: number;
  /** online ÷ received, rounded to 0.001; null when nothing was received. */
  onlineRate: number | null;
  /** resolvedOnTime ÷ (resolvedOnTime + resolvedOverdue), rounded to 0.001; null when none was resolved. */
  onTimeRate: number | null;
  /** The unrounded online rate reaches the target's minimum; null without a target or without dossiers. */
  targetMet: boolean | null;
}

/** The one-stop figures from the counts and the target that applies (applicableTarget), if any. */
export function dossierFigures(counts: DossierCounts, target: Pick<TargetLike, 'minimum'> | null): DossierFigureValues {
  const onlineRate = ratio(counts.online, counts.received);
  return {
    ...counts,
    unresolved: counts.received - counts.resolvedOnTime - counts.resolvedOverdue,
    onlineRate: round3(onlineRate),
    onTimeRate: round3(ratio(counts.resolvedOnTime, counts.resolvedOnTime + counts.resolvedOverdue)),
    // Compared unrounded: 0.4996 does not meet a 0.5 minimum although it is published as 0.5.
    targetMet: target && onlineRate !== null ? onlineRate >= target.minimum : null,
  };
}

export interface DocumentFigureValues extends DocumentCounts {
  /** outgoingSigned ÷ outgoingElectronic, rounded to 0.001; null when no outgoing document was electronic. */
  signedRate: number | null;
  /** incomingElectronic ÷ incoming, rounded to 0.001; null when nothing came in. */
  incomingElectronicRate: number | null;
}

/** The electronic-document figures from the counts. */
export function documentFigures(counts: DocumentCounts): DocumentFigureValues {
  return {
    ...counts,
    signedRate: round3(ratio(counts.outgoingSigned, counts.outgoingElectronic)),
    incomingElectronicRate: round3(ratio(counts.incomingElectronic, counts.incoming)),
  };
}

/** A figure a source report stated, as the comparison needs it. */
export interface StatedValue {
  indicator: KpiIndicator;
  value: number;
  /** The report's rounding step, e.g. 0.001 for one decimal of a percentage. */
  precision: number;
}

export interface StatedComparison<S extends StatedValue> {
  figure: S;
  /** The computed value rounded to 0.001; null when its denominator is 0. */
  computed: number | null;
  /** computed − stated (unrounded computed), rounded to 0.001. */
  difference: number | null;
  /** The unrounded computed value is within half the report's rounding step of the stated one. */
  consistent: boolean;
}

/** Stated figures for these indicators, each beside the computed value (figures of other indicators are left out). */
export function compareStated<S extends StatedValue>(figures: readonly S[], computed: Partial<Record<KpiIndicator, number | null>>): StatedComparison<S>[] {
  return figures
    .filter((f) => f.indicator in computed)
    .map((figure) => {
      const value = computed[figure.indicator] ?? null;
      return {
        figure,
        computed: round3(value),
        difference: value === null ? null : round3(value - figure.value),
        // Within half a rounding step of the statement: 972/976 = 0.99590 is consistent with a stated 99.6%.
        consistent: value !== null && Math.abs(value - figure.value) <= figure.precision / 2 + 1e-9,
      };
    });
}
