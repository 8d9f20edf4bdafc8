import { PART_OF_PARENT } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../../core/graphql/scalars.js';
import { InstallationState } from '../equipment-status.js';
import { VideoMeeting } from './video-meeting.entity.js';
import { VideoRoom } from './video-room.entity.js';
import { MeetingStatus, NetworkLevel } from './video.rules.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import '../equipment-status.type.js';

registerEnumType(NetworkLevel, {
  name: 'NetworkLevel',
  description: 'A level of the government video-conference network (commune to central). The district level exists until 2025-06-30.',
  valuesConfig: {
    COMMUNE: { description: 'Commune People\'s Committee.' },
    DISTRICT: { description: 'District People\'s Committee (abolished on 2025-07-01).' },
    PROVINCE: { description: 'Province People\'s Committee.' },
    CENTRAL: { description: 'The Government (central level).' },
  },
});
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'Where a meeting stands.',
  valuesConfig: {
    SCHEDULED: { description: 'Planned; not yet recorded as held.' },
    HELD: { description: 'Held: actual times and attendance recorded.' },
    CANCELLED: { description: 'Called off.' },
  },
});

@ObjectType('VideoRoom', { description: 'A video-conference room (phòng họp trực tuyến) of a commune.' })
@Directive(PART_OF_PARENT)
export class VideoRoomType {
  @Field(() => ID, { description: 'Room id.' })
  id!: string;

  @Field(() => String, { description: 'Room name.' })
  name!: string;

  @Field(() => String, { description: 'Its equipment (codec, camera, microphones, screen).' })
  equipment!: string;

  @Field(() => [NetworkLevel], { description: 'Levels of the network it connects to, commune first.' })
  connectedLevels!: NetworkLevel[];

  @Field(() => InstallationState, { description: 'PLANNED, INSTALLED or FAULTY.' })
  state!: InstallationState;

  @Field(() => DateScalar, { nullable: true, description: 'Day installed; null if unknown.' })
  installedOn!: string | null;
}

@ObjectType({ description: 'How much a room was used in a month.' })
export class VideoRoomUsage {
  @Field(() => String, { description: 'The month, yyyy-mm.' })
  month!: string;

  @Field(() => Int, { description: 'meetings = meetings held or scheduled (not cancelled) in the room that overlap the month.' })
  meetings!: number;

  @Field(() => Int, { description: 'usedMinutes = minutes of those meetings inside the month (actual times when held, scheduled otherwise).' })
  usedMinutes!: number;

  @Field(() => Int, { description: 'availableMinutes = working days (Monday–Friday) of the month × 8 office hours × 60; 0 when the room is not INSTALLED.' })
  availableMinutes!: number;

  @Field(() => Float, { nullable: true, description: 'utilisation = usedMinutes ÷ availableMinutes, 3 decimals; null when availableMinutes is 0.' })
  utilisation!: number | null;
}

@ObjectType({ description: 'A room taking part in a meeting.' })
export class VideoMeetingRoomType {
  @Field(() => VideoRoomType, { description: 'The room.' })
  room!: VideoRoom;

  @Field(() => Int, { nullable: true, description: 'People who attended in this room; null until recorded.' })
  attendees!: number | null;
}

@ObjectType('VideoMeeting', { description: 'An online meeting over the video-conference network.' })
export class VideoMeetingType {
  @Field(() => ID, { description: 'Meeting id.' })
  id!: string;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => NetworkLevel, { description: 'The level that convenes it.' })
  level!: NetworkLevel;

  @Field(() => String, { description: 'The hosting unit.' })
  hostUnit!: string;

  @Field(() => DateTimeScalar, { description: 'Scheduled start.' })
  scheduledStart!: Date;

  @Field(() => DateTimeScalar, { description: 'Scheduled end.' })
  scheduledEnd!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Actual start, once held.' })
  actualStart!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Actual end, once held.' })
  actualEnd!: Date | null;

  @Field(() => MeetingStatus, { description: 'SCHEDULED, HELD or CANCELLED.' })
  status!: MeetingStatus;
}

@InputType({ description: 'A new video-conference room.' })
export class AddVideoRoomInput {
  @Field(() => ID, { description: 'Commune.id, e.g. "05068/1".' })
  communeId!: string;

  @Field(() => String, { description: 'Room name, 1 to 200 characters.' })
  name!: string;

  @Field(() => String, { description: 'Its equipment, 1 to 1000 characters.' })
  equipment!: string;

  @Field(() => [NetworkLevel], { description: 'Levels it connects to (at least one).' })
  connectedLevels!: NetworkLevel[];

  @Field(() => InstallationState, { description: 'PLANNED, INSTALLED or FAULTY.' })
  state!: InstallationState;

  @Field(() => DateScalar, { nullable: true, description: 'Day installed (not for PLANNED).' })
  installedOn?: string | null;
}

@InputType({ description: 'Changes to a room; fields left out stay as they are.' })
export class UpdateVideoRoomInput {
  @Field(() => ID, { description: 'The room.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Room name, 1 to 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Its equipment, 1 to 1000 characters.' })
  equipment?: string | null;

  @Field(() => [NetworkLevel], { nullable: true, description: 'Levels it connects to (at least one).' })
  connectedLevels?: NetworkLevel[] | null;

  @Field(() => InstallationState, { nullable: true, description: 'PLANNED, INSTALLED or FAULTY.' })
  state?: InstallationState | null;
}

@InputType({ description: 'A meeting to schedule.' })
export class ScheduleVideoMeetingInput {
  @Field(() => String, { description: 'Title, 1 to 300 characters.' })
  title!: string;

  @Field(() => NetworkLevel, { description: 'The level that convenes it: every room must be connected to it.' })
  level!: NetworkLevel;

  @Field(() => String, { description: 'The hosting unit, 1 to 300 characters.' })
  hostUnit!: string;

  @Field(() => [ID], { description: 'Participating rooms (1 to 50), free at that time.' })
  roomIds!: string[];

  @Field(() => DateTimeScalar, { description: 'Scheduled start.' })
  scheduledStart!: Date;

  @Field(() => DateTimeScalar, { description: 'Scheduled end, after the start, at most 24 hours later.' })
  scheduledEnd!: Date;
}

@InputType({ description: 'Attendance in one participating room.' })
export class RoomAttendanceInput {
  @Field(() => ID, { description: 'A participating room.' })
  roomId!: string;

  @Field(() => Int, { description: 'People who attended there, 0 to 1000.' })
  attendees!: number;
}

@InputType({ description: 'What happened at a meeting.' })
export class RecordVideoMeetingInput {
  @Field(() => ID, { description: 'The meeting.' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'Actual start.' })
  actualStart!: Date;

  @Field(() => DateTimeScalar, { description: 'Actual end, after the start.' })
  actualEnd!: Date;

  @Field(() => [RoomAttendanceInput], { description: 'Attendance per participating room (rooms left out stay unrecorded).' })
  attendance!: RoomAttendanceInput[];

  @Field(() => String, { nullable: true, description: 'Link to the recording (http/https), shown to officers of participating communes only.' })
  recordingUrl?: string | null;
}

@ObjectType({ description: 'The room as it now stands.' })
export class VideoRoomPayload {
  @Field(() => VideoRoomType, { description: 'The room.' })
  videoRoom!: VideoRoom;
}

@ObjectType({ description: 'The meeting as it now stands.' })
export class VideoMeetingPayload {
  @Field(() => VideoMeetingType, { description: 'The meeting.' })
  videoMeeting!: VideoMeeting;
}
