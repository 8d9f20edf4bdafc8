import { entityByIdLoader, groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { BroadcastTarget, PlaybackReport } from './broadcast-target.entity.js';
import { Broadcast } from './broadcast.entity.js';
import { BroadcastStatus } from './broadcast.type.js';

export function broadcastById(context: SubgraphContext) {
  return entityByIdLoader(context, 'broadcastById', Broadcast);
}

export function targetsByBroadcast(context: SubgraphContext) {
  return requestLoader<string, BroadcastTarget[]>(context, 'targetsByBroadcast', async (ids) => {
    const rows = await context.em.find(BroadcastTarget, { broadcastId: { $in: [...ids] } }, { orderBy: { clusterId: 'asc' } });
    return groupByKey(ids, rows, (t) => t.broadcastId);
  });
}

/** A receiver's report wins; otherwise the clock says where the slot stands. */
export function targetStatus(target: BroadcastTarget, now: Date): BroadcastStatus {
  if (target.report === PlaybackReport.FAILED) return BroadcastStatus.FAILED;
  if (target.report === PlaybackReport.PLAYED) return BroadcastStatus.PLAYED;
  if (now.getTime() < target.startsAt.getTime()) return BroadcastStatus.SCHEDULED;
  if (now.getTime() < target.endsAt.getTime()) return BroadcastStatus.PLAYING;
  return BroadcastStatus.PLAYED;
}
