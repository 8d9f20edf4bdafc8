import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { MeetingStatus, NetworkLevel } from './video.rules.js';

/** An online meeting over the video-conference network: who hosts it, at which level, when. */
@Entity({ tableName: 'video_meeting' })
@Index({ properties: ['scheduledStart'] })
export class VideoMeeting {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 300 })
  title!: string;

  /** The level that convenes it (a province meeting reaches communes through the network). */
  @Enum({ items: () => NetworkLevel, type: 'string' })
  level!: NetworkLevel;

  /** The unit hosting it (e.g. "UBND tỉnh Hòa Bình"), NFC. */
  @Property({ type: 'string', length: 300 })
  hostUnit!: string;

  @Property({ type: 'datetime' })
  scheduledStart!: Date;

  @Property({ type: 'datetime' })
  scheduledEnd!: Date;

  @Property({ type: 'datetime', nullable: true })
  actualStart?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  actualEnd?: Date | null;

  @Enum({ items: () => MeetingStatus, type: 'string' })
  status!: MeetingStatus;

  /** Link to the recording: officers of a participating commune only. */
  @Property({ type: 'string', length: 1000, nullable: true })
  recordingUrl?: string | null;
}
