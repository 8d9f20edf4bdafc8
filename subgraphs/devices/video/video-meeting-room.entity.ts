import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A room taking part in a meeting, with how many attended there. */
@Entity({ tableName: 'video_meeting_room' })
@Unique({ properties: ['meetingId', 'roomId'] })
@Index({ properties: ['roomId'] })
@Index({ properties: ['communeId'] })
export class VideoMeetingRoom {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 64 })
  meetingId!: string;

  @Property({ type: 'string', length: 64 })
  roomId!: string;

  /** The room's commune, kept here so a commune's meetings are one indexed read. */
  @Property({ type: 'string', length: 16 })
  communeId!: string;

  /** People attending in this room; null until the meeting is recorded as held. */
  @Property({ type: 'integer', nullable: true })
  attendees?: number | null;
}
