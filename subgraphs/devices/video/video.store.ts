import { entityByIdLoader, groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { VideoMeetingRoom } from './video-meeting-room.entity.js';
import { VideoRoom } from './video-room.entity.js';

export function videoRoomById(context: SubgraphContext) {
  return entityByIdLoader(context, 'videoRoomById', VideoRoom);
}

export function videoRoomsByCommune(context: SubgraphContext) {
  return requestLoader<string, VideoRoom[]>(context, 'videoRoomsByCommune', async (ids) => {
    const rows = await context.em.find(VideoRoom, { communeId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.communeId);
  });
}

export function meetingRoomsByMeeting(context: SubgraphContext) {
  return requestLoader<string, VideoMeetingRoom[]>(context, 'meetingRoomsByMeeting', async (ids) => {
    const rows = await context.em.find(VideoMeetingRoom, { meetingId: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.meetingId);
  });
}
