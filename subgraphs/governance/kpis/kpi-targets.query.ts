import type { EntityManager } from '@mikro-orm/core';
import { KpiTarget } from './kpi-target.entity.js';
import { toTargetView, type KpiTargetView } from './kpi.type.js';
import { checkYear } from './year.rules.js';

/** The targets set for a year, province-wide and per commune, by unit and indicator. Public. */
export async function listKpiTargets(em: EntityManager, year: number): Promise<KpiTargetView[]> {
  checkYear(year);
  const targets = await em.find(KpiTarget, { year }, { orderBy: { unitId: 'asc', indicator: 'asc' } });
  return targets.map(toTargetView);
}
