import type { EntityManager } from '@mikro-orm/core';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { readAccess } from '../../shared/access-guard.js';
import { InstallationState } from '../equipment-status.js';
import { meetingRoomsByMeeting } from './video.store.js';
import { VideoMeetingRoom } from './video-meeting-room.entity.js';
import { VideoMeeting } from './video-meeting.entity.js';
import type { VideoRoom } from './video-room.entity.js';
import { MeetingStatus, monthRange, OFFICE_HOURS_PER_WORKING_DAY, overlapMinutes, workingDaysInMonth } from './video.rules.js';
import type { VideoRoomUsage } from './video.type.js';

/** The meeting with this id; null if none. Public. */
export function findVideoMeeting(em: EntityManager, id: string): Promise<VideoMeeting | null> {
  return em.findOne(VideoMeeting, { id });
}

/** Meetings (not cancelled) a room takes part in that overlap [from, to); `em` may be a transaction's, so a booking sees the rows it locks against. */
export async function roomMeetingsBetween(em: EntityManager, roomId: string, from: Date, to: Date): Promise<VideoMeeting[]> {
  const links = await em.find(VideoMeetingRoom, { roomId });
  if (!links.length) return [];
  return em.find(VideoMeeting, {
    id: { $in: links.map((l) => l.meetingId) },
    status: { $ne: MeetingStatus.CANCELLED },
    $or: [
      { scheduledStart: { $lt: to }, scheduledEnd: { $gt: from } },
      { actualStart: { $lt: to }, actualEnd: { $gt: from } },
    ],
  });
}

/** Meetings any room of these communes takes part in, starting in the month ("yyyy-mm"), by scheduled start. */
export async function communeMeetingsInMonth(em: EntityManager, communeIds: string[], month: string): Promise<VideoMeeting[]> {
  const range = monthRange(month, 'month');
  const links = await em.find(VideoMeetingRoom, { communeId: { $in: communeIds } });
  if (!links.length) return [];
  return em.find(
    VideoMeeting,
    { id: { $in: [...new Set(links.map((l) => l.meetingId))] }, scheduledStart: { $gte: range.from, $lt: range.to } },
    { orderBy: { scheduledStart: 'asc', id: 'asc' } },
  );
}

/**
 * A room's month: meetings that overlap it, minutes used (actual times of a held meeting, else the
 * scheduled ones, clipped to the month), minutes available (office hours of its working days, 0 unless
 * INSTALLED) and their ratio.
 */
export async function videoRoomUsage(em: EntityManager, room: VideoRoom, month: string): Promise<VideoRoomUsage> {
  const range = monthRange(month, 'month');
  const meetings = await roomMeetingsBetween(em, room.id, range.from, range.to);
  const usedMinutes = meetings.reduce((sum, m) => {
    const held = m.status === MeetingStatus.HELD && m.actualStart && m.actualEnd;
    return sum + overlapMinutes(held ? m.actualStart! : m.scheduledStart, held ? m.actualEnd! : m.scheduledEnd, range.from, range.to);
  }, 0);
  const availableMinutes = room.state === InstallationState.INSTALLED ? workingDaysInMonth(range.year, range.month) * OFFICE_HOURS_PER_WORKING_DAY * 60 : 0;
  return {
    month,
    meetings: meetings.length,
    usedMinutes,
    availableMinutes,
    utilisation: availableMinutes ? Math.round((usedMinutes / availableMinutes) * 1000) / 1000 : null,
  };
}

/**
 * The recording link, by its rule in the access registry (VideoMeeting.recordingUrl: officers of a
 * participating commune or of its successor): null for anyone else, the refusal recorded for
 * Commune.refusedDeviceReads.
 */
export async function readRecordingUrl(context: SubgraphContext, meeting: VideoMeeting): Promise<string | null> {
  if (!meeting.recordingUrl) return null;
  const links = await meetingRoomsByMeeting(context).load(meeting.id);
  const allowed = await readAccess(context, 'VideoMeeting.recordingUrl', { unitIds: links.map((l) => l.communeId) }, { target: meeting.id, communeId: links[0]?.communeId });
  return allowed ? meeting.recordingUrl : null;
}
