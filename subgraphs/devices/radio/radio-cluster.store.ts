import { entityByIdLoader, groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { RadioCluster } from './radio-cluster.entity.js';

export function radioClusterById(context: SubgraphContext) {
  return entityByIdLoader(context, 'radioClusterById', RadioCluster);
}

/** Village names as a reader orders them: Vietnamese collation, numbers by value ("Điểm 2" before "Điểm 10"). */
const villageOrder = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

export function radioClustersByCommune(context: SubgraphContext) {
  return requestLoader<string, RadioCluster[]>(context, 'radioClustersByCommune', async (ids) => {
    const rows = await context.em.find(RadioCluster, { communeId: { $in: [...ids] } });
    rows.sort((a, b) => villageOrder.compare(a.village, b.village) || a.id.localeCompare(b.id));
    return groupByKey(ids, rows, (c) => c.communeId);
  });
}
