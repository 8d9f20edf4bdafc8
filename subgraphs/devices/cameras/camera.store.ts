import { entityByIdLoader, groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { Camera } from './camera.entity.js';

export function cameraById(context: SubgraphContext) {
  return entityByIdLoader(context, 'cameraById', Camera);
}

export function camerasByCommune(context: SubgraphContext) {
  return requestLoader<string, Camera[]>(context, 'camerasByCommune', async (ids) => {
    const rows = await context.em.find(Camera, { communeId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (c) => c.communeId);
  });
}
