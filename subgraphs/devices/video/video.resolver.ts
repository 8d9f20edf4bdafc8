import { CACHE_SECONDS, cacheFor } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { communeScope } from '../../shared/commune.reference.js';
import { Commune, communeRef, loadForScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { VideoMeeting } from './video-meeting.entity.js';
import { recordVideoMeeting, scheduleVideoMeeting } from './video-meeting.command.js';
import { VideoRoom } from './video-room.entity.js';
import { addVideoRoom, updateVideoRoom } from './video-room.command.js';
import { meetingRoomsByMeeting, videoRoomById, videoRoomsByCommune } from './video.store.js';
import { communeMeetingsInMonth, findVideoMeeting, readRecordingUrl, videoRoomUsage } from './video.query.js';
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
    return videoRoomUsage(context.em, room, month);
  }

  @Mutation(() => VideoRoomPayload, { description: 'Adds a video-conference room (OFFICER of the commune).' })
  async addVideoRoom(@Arg('input', () => AddVideoRoomInput, { description: 'The room.' }) input: AddVideoRoomInput, @Ctx() context: SubgraphContext): Promise<VideoRoomPayload> {
    return { videoRoom: await addVideoRoom(context.em, context.viewer, input) };
  }

  @Mutation(() => VideoRoomPayload, { description: 'Changes a room: name, equipment, levels connected, state (OFFICER of the commune).' })
  async updateVideoRoom(@Arg('input', () => UpdateVideoRoomInput, { description: 'The changes.' }) input: UpdateVideoRoomInput, @Ctx() context: SubgraphContext): Promise<VideoRoomPayload> {
    return { videoRoom: await updateVideoRoom(context.em, context.viewer, input) };
  }
}

@Resolver(() => VideoMeetingType)
export class VideoMeetingResolver {
  @Query(() => VideoMeetingType, { nullable: true, description: 'The video meeting with this id; null if none.' })
  async videoMeeting(@Arg('id', () => ID, { description: 'VideoMeeting.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<VideoMeeting | null> {
    return findVideoMeeting(context.em, id);
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
    return readRecordingUrl(context, meeting);
  }

  @Mutation(() => VideoMeetingPayload, {
    description: 'Schedules a meeting in rooms connected to its level and free at that time (OFFICER of every participating room\'s commune, or ADMIN). CONFLICT when a room is booked.',
  })
  async scheduleVideoMeeting(
    @Arg('input', () => ScheduleVideoMeetingInput, { description: 'The meeting.' }) input: ScheduleVideoMeetingInput,
    @Ctx() context: SubgraphContext,
  ): Promise<VideoMeetingPayload> {
    return { videoMeeting: await scheduleVideoMeeting(context.em, context.viewer, input) };
  }

  @Mutation(() => VideoMeetingPayload, { description: 'Records a meeting as held: actual times, attendance per room, recording link (OFFICER of a participating commune).' })
  async recordVideoMeeting(
    @Arg('input', () => RecordVideoMeetingInput, { description: 'What happened.' }) input: RecordVideoMeetingInput,
    @Ctx() context: SubgraphContext,
  ): Promise<VideoMeetingPayload> {
    return { videoMeeting: await recordVideoMeeting(context.em, context.viewer, input) };
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
    return communeMeetingsInMonth(context.em, communeScope(commune), month);
  }
}
