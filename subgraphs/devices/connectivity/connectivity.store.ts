import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { VillageConnectivity } from './village-connectivity.entity.js';

/** Every survey of the communes asked for (a commune has tens of villages and few surveys of each). */
export function villageSurveysByCommune(context: SubgraphContext) {
  return requestLoader<string, VillageConnectivity[]>(context, 'villageSurveysByCommune', async (ids) => {
    const rows = await context.em.find(VillageConnectivity, { communeId: { $in: [...ids] } });
    return groupByKey(ids, rows, (r) => r.communeId);
  });
}
