import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KpiIndicator, TargetScope } from '../../../../subgraphs/governance/kpis/kpi-enums.js';
import {
  applicableTarget,
  compareStated,
  documentFigures,
  documentRates,
  dossierFigures,
  dossierRates,
  ratio,
  round3,
  sumCounts,
  ZERO_DOCUMENTS,
  ZERO_DOSSIERS,
} from '../../../../subgraphs/governance/kpis/kpi.rules.js';

describe('kpi rules', () => {
  it('a rate over an empty denominator is null, never 0 or NaN', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
    expect(round3(null)).toBeNull();
    expect(dossierFigures(ZERO_DOSSIERS, { minimum: 0.5 })).toEqual({ ...ZERO_DOSSIERS, unresolved: 0, onlineRate: null, onTimeRate: null, targetMet: null });
    expect(documentFigures(ZERO_DOCUMENTS)).toEqual({ ...ZERO_DOCUMENTS, signedRate: null, incomingElectronicRate: null });
    // Received dossiers but none resolved: an online rate, no on-time rate.
    expect(dossierFigures({ received: 4, resolvedOnTime: 0, resolvedOverdue: 0, online: 1 }, null)).toMatchObject({ onlineRate: 0.25, onTimeRate: null, unresolved: 4, targetMet: null });
  });

  it('rates are rounded to 0.001, half up', () => {
    expect(round3(411 / 1964)).toBe(0.209);
    expect(round3(2 / 3)).toBe(0.667);
    expect(round3(0.0005)).toBe(0.001);
    expect(round3(0.00049)).toBe(0);
    expect(Object.is(round3(-0.0001), 0)).toBe(true);
    expect(documentFigures({ incoming: 3, incomingElectronic: 1, outgoing: 9, outgoingElectronic: 7, outgoingSigned: 5 })).toEqual({
      incoming: 3, incomingElectronic: 1, outgoing: 9, outgoingElectronic: 7, outgoingSigned: 5, signedRate: 0.714, incomingElectronicRate: 0.333,
    });
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => {
        const [n, d] = a <= b ? [a, b] : [b, a];
        const r = round3(ratio(n, d));
        if (d === 0) return r === null;
        return r !== null && r >= 0 && r <= 1 && Math.abs(r - n / d) <= 0.0005 + 1e-12 && Math.abs(r * 1000 - Math.round(r * 1000)) < 1e-9;
      }),
    );
  });

  it('the dossier figures: unresolved, both rates, the target met at exactly the minimum and compared unrounded', () => {
    const counts = { received: 10, resolvedOnTime: 6, resolvedOverdue: 2, online: 5 };
    expect(dossierFigures(counts, { minimum: 0.5 })).toEqual({ ...counts, unresolved: 2, onlineRate: 0.5, onTimeRate: 0.75, targetMet: true });
    expect(dossierFigures(counts, { minimum: 0.501 }).targetMet).toBe(false);
    expect(dossierFigures(counts, null).targetMet).toBeNull();
    // 4,996 of 10,000 is published as 0.5 but does not reach a 0.5 minimum.
    const justUnder = dossierFigures({ received: 10_000, resolvedOnTime: 0, resolvedOverdue: 0, online: 4_996 }, { minimum: 0.5 });
    expect(justUnder).toMatchObject({ onlineRate: 0.5, targetMet: false });
  });

  it('a commune\'s own target overrides its province\'s; without one the province\'s applies', () => {
    const province = { scope: TargetScope.PROVINCE, minimum: 0.3, unitId: '17/1' };
    const own = { scope: TargetScope.COMMUNE, minimum: 0.6, unitId: '05068/1' };
    expect(applicableTarget(own, province)).toBe(own);
    expect(applicableTarget(null, province)).toBe(province);
    expect(applicableTarget(null, null)).toBeNull();
    expect(applicableTarget(own, null)).toBe(own);
    // A province-scoped row read for the commune's own id is not the commune's own target.
    expect(applicableTarget({ ...province, unitId: '05068/1' }, province)).toBe(province);
  });

  it('sums the counts of several units, skipping missing ones', () => {
    expect(sumCounts(ZERO_DOSSIERS, [{ received: 2, resolvedOnTime: 1, resolvedOverdue: 0, online: 1 }, undefined, { received: 3, resolvedOnTime: 0, resolvedOverdue: 2, online: 0 }])).toEqual({
      received: 5, resolvedOnTime: 1, resolvedOverdue: 2, online: 1,
    });
    expect(sumCounts(ZERO_DOCUMENTS, [])).toEqual(ZERO_DOCUMENTS);
  });

  it('compares a stated figure within half its rounding step, with the unrounded rates', () => {
    const stated = [
      { indicator: KpiIndicator.ONLINE_RATE, value: 0.267, precision: 0.001 },
      { indicator: KpiIndicator.ON_TIME_RATE, value: 0.996, precision: 0.001 },
      { indicator: KpiIndicator.SIGNED_RATE, value: 0.5, precision: 0.001 },
    ];
    const rates = dossierRates({ received: 1964, resolvedOnTime: 972, resolvedOverdue: 4, online: 411 });
    const comparisons = compareStated(stated, rates);
    // The signed rate is not a dossier indicator: left out.
    expect(comparisons.map((c) => [c.figure.indicator, c.computed, c.difference, c.consistent])).toEqual([
      [KpiIndicator.ONLINE_RATE, 0.209, -0.058, false],
      [KpiIndicator.ON_TIME_RATE, 0.996, 0, true],
    ]);
    expect(compareStated(stated, documentRates(ZERO_DOCUMENTS))).toEqual([{ figure: stated[2], computed: null, difference: null, consistent: false }]);
  });
});
