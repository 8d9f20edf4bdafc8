import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { RadioCluster } from './radio-cluster.entity.js';

export function radioClusterById(context: SubgraphContext) {
  return requestLoader<string, RadioCluster | null>(context, 'radioClusterById', async (ids) => {
    const rows = await context.em.find(RadioCluster, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function radioClustersByCommune(context: SubgraphContext) {
  return requestLoader<string, RadioCluster[]>(context, 'radioClustersByCommune', async (ids) => {
    const rows = await context.em.find(RadioCluster, { communeId: { $in: [...ids] } }, { orderBy: { village: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (c) => c.communeId);
  });
}
