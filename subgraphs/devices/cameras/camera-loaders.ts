import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { Camera } from './camera.entity.js';

export function cameraById(context: SubgraphContext) {
  return requestLoader<string, Camera | null>(context, 'cameraById', async (ids) => {
    const rows = await context.em.find(Camera, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function camerasByCommune(context: SubgraphContext) {
  return requestLoader<string, Camera[]>(context, 'camerasByCommune', async (ids) => {
    const rows = await context.em.find(Camera, { communeId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (c) => c.communeId);
  });
}
