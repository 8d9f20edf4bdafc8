import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { ItEquipment } from './it-equipment.entity.js';

/** The inventory lines of the communes asked for, by kind. */
export function itEquipmentByCommune(context: SubgraphContext) {
  return requestLoader<string, ItEquipment[]>(context, 'itEquipmentByCommune', async (ids) => {
    const rows = await context.em.find(ItEquipment, { communeId: { $in: [...ids] } }, { orderBy: { kind: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.communeId);
  });
}
