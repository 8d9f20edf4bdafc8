import type { EntityManager } from '@mikro-orm/core';
import { checkYear } from '../kpis/year.rules.js';
import { INDICATOR_UNITS } from './indicator.rules.js';
import { IndicatorValue } from './indicator.type.js';
import { SocioEconomicValue } from './socio-economic-value.entity.js';

/** A unit's socio-economic indicators, of one year or of every year recorded, by year and indicator. Public. */
export async function listIndicators(em: EntityManager, unitId: string, year: number | null | undefined): Promise<IndicatorValue[]> {
  if (year !== undefined && year !== null) checkYear(year);
  const rows = await em.find(SocioEconomicValue, { unitId, ...(year !== undefined && year !== null ? { year } : {}) }, { orderBy: { year: 'asc', indicator: 'asc' } });
  return rows.map((r) =>
    Object.assign(new IndicatorValue(), {
      indicator: r.indicator,
      year: r.year,
      value: r.value,
      unit: INDICATOR_UNITS[r.indicator],
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      source: r.source,
      note: r.note ?? null,
    }),
  );
}
