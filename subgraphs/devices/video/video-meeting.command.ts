import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { invalidInput, notFound } from '../../../core/domain-errors.js';
import type { Viewer } from '../../shared/roles.js';
import { actsForCommuneId, requireCommuneRole, VIDEO_MANAGERS } from '../access.rules.js';
import { InstallationState } from '../equipment-status.js';
import { VideoMeetingRoom } from './video-meeting-room.entity.js';
import { VideoMeeting } from './video-meeting.entity.js';
import { VideoRoom } from './video-room.entity.js';
import { roomMeetingsBetween } from './video.query.js';
import { checkNoOverlap, checkRecordingUrl, checkRoomsReachLevel, checkSpan, checkText, MeetingStatus } from './video.rules.js';
import type { RecordVideoMeetingInput, ScheduleVideoMeetingInput } from './video.type.js';

/**
 * Books a meeting in rooms that are installed, reach its level and are free then (CONFLICT when one
 * is booked, checked inside the transaction that writes it). Officers of every room's commune.
 */
export async function scheduleVideoMeeting(em: EntityManager, viewer: Viewer | null, input: ScheduleVideoMeetingInput): Promise<VideoMeeting> {
  const title = checkText(input.title, 'input.title', 300);
  const hostUnit = checkText(input.hostUnit, 'input.hostUnit', 300);
  checkSpan(input.scheduledStart, input.scheduledEnd, 'input.scheduledEnd');
  const roomIds = [...new Set(input.roomIds)];
  if (!roomIds.length || roomIds.length > 50) throw invalidInput('Give 1 to 50 participating rooms.', 'input.roomIds');
  const rooms = await em.find(VideoRoom, { id: { $in: roomIds } });
  const missing = roomIds.find((id) => !rooms.some((r) => r.id === id));
  if (missing) throw invalidInput(`No video room has id "${missing}": list them with Commune.videoRooms.`, 'input.roomIds');
  for (const room of rooms) requireCommuneRole(viewer, VIDEO_MANAGERS, room.communeId, 'schedule meetings in this room');
  const notReady = rooms.find((r) => r.state !== InstallationState.INSTALLED);
  if (notReady) throw invalidInput(`Room "${notReady.name}" is ${notReady.state}, not INSTALLED: it cannot take part.`, 'input.roomIds');
  checkRoomsReachLevel(rooms, input.level);
  const meeting = Object.assign(new VideoMeeting(), {
    id: randomUUID(),
    title,
    level: input.level,
    hostUnit,
    scheduledStart: input.scheduledStart,
    scheduledEnd: input.scheduledEnd,
    status: MeetingStatus.SCHEDULED,
    actualStart: null,
    actualEnd: null,
    recordingUrl: null,
  });
  await em.transactional(async (tx) => {
    for (const room of rooms) {
      const booked = await roomMeetingsBetween(tx, room.id, input.scheduledStart, input.scheduledEnd);
      checkNoOverlap(input.scheduledStart, input.scheduledEnd, booked.map((m) => ({ id: m.id, title: m.title, start: m.scheduledStart, end: m.scheduledEnd })));
    }
    tx.persist(meeting);
    for (const room of rooms) tx.persist(Object.assign(new VideoMeetingRoom(), { id: randomUUID(), meetingId: meeting.id, roomId: room.id, communeId: room.communeId, attendees: null }));
  });
  return meeting;
}

/**
 * Records a meeting as held: actual times, the recording link, and attendance of the rooms whose
 * commune the caller acts for (officers of a participating commune).
 */
export async function recordVideoMeeting(em: EntityManager, viewer: Viewer | null, input: RecordVideoMeetingInput): Promise<VideoMeeting> {
  const existing = await em.findOne(VideoMeeting, { id: input.id });
  if (!existing) throw notFound(`No video meeting has id "${input.id}".`, { field: 'input.id' });
  const links = await em.find(VideoMeetingRoom, { meetingId: existing.id });
  if (!links.some((l) => actsForCommuneId(viewer, VIDEO_MANAGERS, l.communeId))) {
    requireCommuneRole(viewer, VIDEO_MANAGERS, links[0]?.communeId ?? '00000/0', 'record this meeting');
  }
  if (existing.status === MeetingStatus.CANCELLED) throw invalidInput('The meeting was cancelled: it cannot be recorded as held.', 'input.id');
  checkSpan(input.actualStart, input.actualEnd, 'input.actualEnd');
  const recordingUrl = checkRecordingUrl(input.recordingUrl);
  const attendance = new Map<string, number>();
  input.attendance.forEach((a, i) => {
    const link = links.find((l) => l.roomId === a.roomId);
    if (!link) throw invalidInput(`Room "${a.roomId}" does not take part in this meeting.`, `input.attendance.${i}.roomId`);
    if (!actsForCommuneId(viewer, VIDEO_MANAGERS, link.communeId)) throw invalidInput(`Room "${a.roomId}" is another commune's: its officers record its attendance.`, `input.attendance.${i}.roomId`);
    if (!Number.isInteger(a.attendees) || a.attendees < 0 || a.attendees > 1000) throw invalidInput(`attendees must be 0 to 1000, got ${a.attendees}.`, `input.attendance.${i}.attendees`);
    attendance.set(a.roomId, a.attendees);
  });
  return em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(VideoMeeting, { id: input.id });
    Object.assign(row, { actualStart: input.actualStart, actualEnd: input.actualEnd, status: MeetingStatus.HELD, recordingUrl: recordingUrl ?? row.recordingUrl ?? null });
    for (const link of await tx.find(VideoMeetingRoom, { meetingId: row.id })) if (attendance.has(link.roomId)) link.attendees = attendance.get(link.roomId)!;
    return row;
  });
}
