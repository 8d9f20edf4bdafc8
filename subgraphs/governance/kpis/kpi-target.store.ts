import type { EntityManager } from '@mikro-orm/core';
import { executeSql, placeholders, tableName } from '../common/dialect.js';
import type { KpiIndicator, TargetScope } from './kpi-enums.js';
import type { KpiTarget } from './kpi-target.entity.js';

/**
 * The targets of these units for a year and indicator, read raw: plain rows of the entity's shape,
 * owned by no unit of work. Every dossierStats reads them; through `em.find` the query building and
 * hydration cost about as much CPU as the rest of a commune's figures.
 */
export async function findTargets(em: EntityManager, year: number, indicator: KpiIndicator, unitIds: readonly string[]): Promise<KpiTarget[]> {
  if (!unitIds.length) return [];
  const rows = await executeSql<{ id: string; scope: TargetScope; unit_id: string; year: number | string; indicator: KpiIndicator; minimum: number | string; source: string }>(
    em,
    `select id, scope, unit_id, year, indicator, minimum, source from ${tableName(em, 'kpi_target')}
     where year = ? and indicator = ? and unit_id in (${placeholders(unitIds.length)})`,
    [year, indicator, ...unitIds],
  );
  return rows.map((r) => ({ id: r.id, scope: r.scope, unitId: r.unit_id, year: Number(r.year), indicator: r.indicator, minimum: Number(r.minimum), source: r.source }));
}
