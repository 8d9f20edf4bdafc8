import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { SchoolSystem } from './school-system.entity.js';
import { School } from './school.entity.js';

/** Per-request batched lookups: one query for the schools of every commune asked for, one for their systems. */
export function schoolsByCommune(context: SubgraphContext) {
  return requestLoader<string, School[]>(context, 'schoolsByCommune', async (ids) =>
    groupByKey(ids, await context.em.find(School, { communeId: { $in: [...ids] } }, { orderBy: { name: 'asc' } }), (s) => s.communeId),
  );
}

export function systemsBySchool(context: SubgraphContext) {
  return requestLoader<string, SchoolSystem[]>(context, 'systemsBySchool', async (ids) =>
    groupByKey(ids, await context.em.find(SchoolSystem, { schoolId: { $in: [...ids] } }, { orderBy: { kind: 'asc', id: 'asc' } }), (s) => s.schoolId),
  );
}
