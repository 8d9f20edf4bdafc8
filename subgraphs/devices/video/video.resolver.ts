import { CACHE_SECONDS, cacheFor } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Directive, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { startOfVietnamDay } from '../../../core/time.js';
import { actsForCommuneId, parseCommuneId, requireCommuneRole, VIDEO_MANAGERS } from '../access.rules.js';
import { communeScope } from '../../shared/commune.reference.js';
import { readAccess } from '../../shared/access-guard.js';
import { Commune, communeRef, loadForScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { checkEquipmentFields } from '../equipment-input.js';
import { InstallationState } from '../equipment-status.js';
import { VideoMeetingRoom } from './video-meeting-room.entity.js';
import { VideoMeeting } from './video-meeting.entity.js';
import { VideoRoom } from './video-room.entity.js';
import { communeMeetingsBetween, meetingRoomsByMeeting, roomMeetingsBetween, videoRoomById, videoRoomsByCommune } from './video-loaders.js';
import {
  checkLevels,
  checkNoOverlap,
  checkRecordingUrl,
  checkRoomsReachLevel,
  checkSpan,
  checkText,
  MeetingStatus,
  OFFICE_HOURS_PER_WORKING_DAY,
  overlapMinutes,
  parseMonth,
  workingDaysInMonth,
} from './video.rules.js';
import {
  AddVideoRoomInput,
  RecordVideoMeetingInput,
  ScheduleVideoMeetingInput,
  UpdateVideoRoomInput,
  VideoMeetingPayload,
  VideoMeetingRoomType,
  VideoMeetingType,
  VideoRoomPayload,
  VideoRoomType,
  VideoRoomUsage,
} from './video.type.js';

function monthRange(month: string, field: string): { from: Date; to: Date; year: number; month: number } {
  const { year, month: m } = parseMonth(month, field);
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: startOfVietnamDay(`${month}-01`), to: startOfVietnamDay(next), year, month: m };
}

@Resolver(() => VideoRoomType)
export class VideoRoomResolver {
  @FieldResolver(() => Commune, { description: 'The commune of the room.' })
  commune(@Root() room: VideoRoom): Commune {
    return communeRef(room.communeId);
  }

  @FieldResolver(() => Boolean, { description: 'connectedToAllLevels = the room reaches COMMUNE, DISTRICT, PROVINCE and CENTRAL.' })
  connectedToAllLevels(@Root() room: VideoRoom): boolean {
    return room.connectedLevels.length === 4;
  }

  @FieldResolver(() => VideoRoomUsage, { description: 'Availability and utilisation of the room in a month (formulas on each field).' })
  async usage(
    @Root() room: VideoRoom,
    @Ctx() context: SubgraphContext,
    @Arg('month', () => String, { description: 'The month, yyyy-mm (Asia/Ho_Chi_Minh calendar).' }) month: string,
  ): Promise<VideoRoomUsage> {
    const range = monthRange(month, 'month');
    const meetings = await roomMeetingsBetween(context, room.id, range.from, range.to);
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

  @Mutation(() => VideoRoomPayload, { description: 'Adds a video-conference room (OFFICER of the commune).' })
  async addVideoRoom(@Arg('input', () => AddVideoRoomInput, { description: 'The room.' }) input: AddVideoRoomInput, @Ctx() context: SubgraphContext): Promise<VideoRoomPayload> {
    const communeId = parseCommuneId(input.communeId, 'input.communeId');
    requireCommuneRole(context.viewer, VIDEO_MANAGERS, communeId, 'add video-conference rooms');
    const name = checkText(input.name, 'input.name', 200);
    const equipment = checkText(input.equipment, 'input.equipment', 1000);
    const connectedLevels = checkLevels(input.connectedLevels, 'input.connectedLevels');
    const { installedOn } = checkEquipmentFields(input.state, input.installedOn ?? null, null);
    const room = Object.assign(new VideoRoom(), { id: randomUUID(), communeId, name, equipment, connectedLevels, state: input.state, installedOn });
    await context.em.transactional(async (tx) => {
      tx.persist(room);
    });
    return { videoRoom: room };
  }

  @Mutation(() => VideoRoomPayload, { description: 'Changes a room: name, equipment, levels connected, state (OFFICER of the commune).' })
  async updateVideoRoom(@Arg('input', () => UpdateVideoRoomInput, { description: 'The changes.' }) input: UpdateVideoRoomInput, @Ctx() context: SubgraphContext): Promise<VideoRoomPayload> {
    const existing = await context.em.findOne(VideoRoom, { id: input.id });
    if (!existing) throw notFound(`No video room has id "${input.id}": list them with Commune.videoRooms.`, { field: 'input.id' });
    requireCommuneRole(context.viewer, VIDEO_MANAGERS, existing.communeId, 'change video-conference rooms');
    const changes = {
      name: input.name != null ? checkText(input.name, 'input.name', 200) : existing.name,
      equipment: input.equipment != null ? checkText(input.equipment, 'input.equipment', 1000) : existing.equipment,
      connectedLevels: input.connectedLevels != null ? checkLevels(input.connectedLevels, 'input.connectedLevels') : existing.connectedLevels,
      state: input.state ?? existing.state,
    };
    const room = await context.em.transactional(async (tx) => Object.assign(await tx.findOneOrFail(VideoRoom, { id: input.id }), changes));
    return { videoRoom: room };
  }
}

@Resolver(() => VideoMeetingType)
export class VideoMeetingResolver {
  @Query(() => VideoMeetingType, { nullable: true, description: 'The video meeting with this id; null if none.' })
  async videoMeeting(@Arg('id', () => ID, { description: 'VideoMeeting.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<VideoMeeting | null> {
    return context.em.findOne(VideoMeeting, { id });
  }

  @FieldResolver(() => [VideoMeetingRoomType], { description: 'Participating rooms and their attendance.' })
  async rooms(@Root() meeting: VideoMeeting, @Ctx() context: SubgraphContext): Promise<VideoMeetingRoomType[]> {
    const links = await meetingRoomsByMeeting(context).load(meeting.id);
    const rooms = await Promise.all(links.map((l) => videoRoomById(context).load(l.roomId)));
    return links.flatMap((l, i) => (rooms[i] ? [{ room: rooms[i]!, attendees: l.attendees ?? null }] : []));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'attendance = sum of attendees over the rooms recorded; null until any is recorded.' })
  async attendance(@Root() meeting: VideoMeeting, @Ctx() context: SubgraphContext): Promise<number | null> {
    const links = await meetingRoomsByMeeting(context).load(meeting.id);
    const recorded = links.filter((l) => l.attendees !== null && l.attendees !== undefined);
    return recorded.length ? recorded.reduce((sum, l) => sum + l.attendees!, 0) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Link to the recording: only OFFICER of a participating commune or of the unit it merged into (or ADMIN) sees it; null for everyone else (the refusal is written to Commune.refusedDeviceReads).' })
  async recordingUrl(@Root() meeting: VideoMeeting, @Ctx() context: SubgraphContext): Promise<string | null> {
    if (!meeting.recordingUrl) return null;
    const links = await meetingRoomsByMeeting(context).load(meeting.id);
    const allowed = await readAccess(context, 'VideoMeeting.recordingUrl', { unitIds: links.map((l) => l.communeId) }, { target: meeting.id, communeId: links[0]?.communeId });
    return allowed ? meeting.recordingUrl : null;
  }

  @Mutation(() => VideoMeetingPayload, {
    description: 'Schedules a meeting in rooms connected to its level and free at that time (OFFICER of every participating room\'s commune, or ADMIN). CONFLICT when a room is booked.',
  })
  async scheduleVideoMeeting(
    @Arg('input', () => ScheduleVideoMeetingInput, { description: 'The meeting.' }) input: ScheduleVideoMeetingInput,
    @Ctx() context: SubgraphContext,
  ): Promise<VideoMeetingPayload> {
    const title = checkText(input.title, 'input.title', 300);
    const hostUnit = checkText(input.hostUnit, 'input.hostUnit', 300);
    checkSpan(input.scheduledStart, input.scheduledEnd, 'input.scheduledEnd');
    const roomIds = [...new Set(input.roomIds)];
    if (!roomIds.length || roomIds.length > 50) throw invalidInput('Give 1 to 50 participating rooms.', 'input.roomIds');
    const rooms = await context.em.find(VideoRoom, { id: { $in: roomIds } });
    const missing = roomIds.find((id) => !rooms.some((r) => r.id === id));
    if (missing) throw invalidInput(`No video room has id "${missing}": list them with Commune.videoRooms.`, 'input.roomIds');
    for (const room of rooms) requireCommuneRole(context.viewer, VIDEO_MANAGERS, room.communeId, 'schedule meetings in this room');
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
    await context.em.transactional(async (tx) => {
      for (const room of rooms) {
        const booked = await roomMeetingsBetween(Object.assign(Object.create(context) as SubgraphContext, { em: tx }), room.id, input.scheduledStart, input.scheduledEnd);
        checkNoOverlap(input.scheduledStart, input.scheduledEnd, booked.map((m) => ({ id: m.id, title: m.title, start: m.scheduledStart, end: m.scheduledEnd })));
      }
      tx.persist(meeting);
      for (const room of rooms) tx.persist(Object.assign(new VideoMeetingRoom(), { id: randomUUID(), meetingId: meeting.id, roomId: room.id, communeId: room.communeId, attendees: null }));
    });
    return { videoMeeting: meeting };
  }

  @Mutation(() => VideoMeetingPayload, { description: 'Records a meeting as held: actual times, attendance per room, recording link (OFFICER of a participating commune).' })
  async recordVideoMeeting(
    @Arg('input', () => RecordVideoMeetingInput, { description: 'What happened.' }) input: RecordVideoMeetingInput,
    @Ctx() context: SubgraphContext,
  ): Promise<VideoMeetingPayload> {
    const existing = await context.em.findOne(VideoMeeting, { id: input.id });
    if (!existing) throw notFound(`No video meeting has id "${input.id}".`, { field: 'input.id' });
    const links = await context.em.find(VideoMeetingRoom, { meetingId: existing.id });
    if (!links.some((l) => actsForCommuneId(context.viewer, VIDEO_MANAGERS, l.communeId))) {
      requireCommuneRole(context.viewer, VIDEO_MANAGERS, links[0]?.communeId ?? '00000/0', 'record this meeting');
    }
    if (existing.status === MeetingStatus.CANCELLED) throw invalidInput('The meeting was cancelled: it cannot be recorded as held.', 'input.id');
    checkSpan(input.actualStart, input.actualEnd, 'input.actualEnd');
    const recordingUrl = checkRecordingUrl(input.recordingUrl);
    const attendance = new Map<string, number>();
    input.attendance.forEach((a, i) => {
      const link = links.find((l) => l.roomId === a.roomId);
      if (!link) throw invalidInput(`Room "${a.roomId}" does not take part in this meeting.`, `input.attendance.${i}.roomId`);
      if (!actsForCommuneId(context.viewer, VIDEO_MANAGERS, link.communeId)) throw invalidInput(`Room "${a.roomId}" is another commune's: its officers record its attendance.`, `input.attendance.${i}.roomId`);
      if (!Number.isInteger(a.attendees) || a.attendees < 0 || a.attendees > 1000) throw invalidInput(`attendees must be 0 to 1000, got ${a.attendees}.`, `input.attendance.${i}.attendees`);
      attendance.set(a.roomId, a.attendees);
    });
    const meeting = await context.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(VideoMeeting, { id: input.id });
      Object.assign(row, { actualStart: input.actualStart, actualEnd: input.actualEnd, status: MeetingStatus.HELD, recordingUrl: recordingUrl ?? row.recordingUrl ?? null });
      for (const link of await tx.find(VideoMeetingRoom, { meetingId: row.id })) if (attendance.has(link.roomId)) link.attendees = attendance.get(link.roomId)!;
      return row;
    });
    return { videoMeeting: meeting };
  }
}

@Resolver(() => Commune)
export class CommuneVideoResolver {
  @FieldResolver(() => [VideoRoomType], { nullable: true, description: 'The video-conference rooms of the commune (and of the units merged into it), by name.' })
  @Directive(REQUIRES_LINEAGE)
  async videoRooms(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<VideoRoom[]> {
    cacheFor(info, CACHE_SECONDS.stable);
    return loadForScope(videoRoomsByCommune(context), commune);
  }

  @FieldResolver(() => [VideoMeetingType], { nullable: true, description: 'Meetings any of the commune\'s rooms takes part in, starting in the month, by scheduled start.' })
  @Directive(REQUIRES_LINEAGE)
  async videoMeetings(
    @Root() commune: Commune,
    @Ctx() context: SubgraphContext,
    @Arg('month', () => String, { description: 'The month, yyyy-mm (Asia/Ho_Chi_Minh calendar).' }) month: string,
  ): Promise<VideoMeeting[]> {
    const range = monthRange(month, 'month');
    return communeMeetingsBetween(context, communeScope(commune), range.from, range.to);
  }
}
