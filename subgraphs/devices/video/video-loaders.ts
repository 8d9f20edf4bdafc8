import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { VideoMeetingRoom } from './video-meeting-room.entity.js';
import { VideoMeeting } from './video-meeting.entity.js';
import { VideoRoom } from './video-room.entity.js';
import { MeetingStatus } from './video.rules.js';

export function videoRoomById(context: SubgraphContext) {
  return requestLoader<string, VideoRoom | null>(context, 'videoRoomById', async (ids) => {
    const rows = await context.em.find(VideoRoom, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
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

/** Meetings (not cancelled) a room takes part in that overlap [from, to). */
export async function roomMeetingsBetween(context: SubgraphContext, roomId: string, from: Date, to: Date): Promise<VideoMeeting[]> {
  const links = await context.em.find(VideoMeetingRoom, { roomId });
  if (!links.length) return [];
  const meetings = await context.em.find(VideoMeeting, {
    id: { $in: links.map((l) => l.meetingId) },
    status: { $ne: MeetingStatus.CANCELLED },
    $or: [
      { scheduledStart: { $lt: to }, scheduledEnd: { $gt: from } },
      { actualStart: { $lt: to }, actualEnd: { $gt: from } },
    ],
  });
  return meetings;
}

/** Meetings any room of these communes takes part in, starting in [from, to), by scheduled start. */
export async function communeMeetingsBetween(context: SubgraphContext, communeIds: string[], from: Date, to: Date): Promise<VideoMeeting[]> {
  const links = await context.em.find(VideoMeetingRoom, { communeId: { $in: communeIds } });
  if (!links.length) return [];
  return context.em.find(
    VideoMeeting,
    { id: { $in: [...new Set(links.map((l) => l.meetingId))] }, scheduledStart: { $gte: from, $lt: to } },
    { orderBy: { scheduledStart: 'asc', id: 'asc' } },
  );
}
