import type { EntityManager } from '@mikro-orm/core';
import { recordId } from '../common/record-ids.js';
import { KpiIndicator, TargetScope } from '../kpis/kpi-enums.js';
import { KpiTarget } from '../kpis/kpi-target.entity.js';
import { StatedFigure } from '../kpis/stated-figure.entity.js';
import { PILOT_REPORT, PILOT_TARGET, PILOT_YEARS } from './pilot-figures.js';

export function pilotStatedFigures(): StatedFigure[] {
  return PILOT_YEARS.flatMap((py) =>
    (
      [
        [KpiIndicator.SIGNED_RATE, py.stated.signedRate],
        [KpiIndicator.ONLINE_RATE, py.stated.onlineRate],
      ] as const
    ).flatMap(([indicator, figure]) =>
      figure
        ? [
            Object.assign(new StatedFigure(), {
              id: recordId('fig', py.communeId, py.year, indicator, PILOT_REPORT),
              unitId: py.communeId,
              year: py.year,
              indicator,
              value: figure.value,
              precision: 0.001,
              source: PILOT_REPORT,
              note: figure.note ?? null,
            }),
          ]
        : [],
    ),
  );
}

export function pilotTarget(): KpiTarget {
  return Object.assign(new KpiTarget(), {
    id: recordId('tgt', PILOT_TARGET.unitId, PILOT_TARGET.year, KpiIndicator.ONLINE_RATE),
    scope: TargetScope.PROVINCE,
    unitId: PILOT_TARGET.unitId,
    year: PILOT_TARGET.year,
    indicator: KpiIndicator.ONLINE_RATE,
    minimum: PILOT_TARGET.minimum,
    source: PILOT_TARGET.source,
  });
}

/** The 2021 province target and the report's stated rates; upserted by natural-key id. */
export async function seedPilotKpis(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.upsertMany(StatedFigure, pilotStatedFigures());
    await tx.upsertMany(KpiTarget, [pilotTarget()]);
  });
}
