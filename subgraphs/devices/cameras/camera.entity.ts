import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { InstallationState } from '../equipment-status.js';

export enum CameraPurpose {
  SECURITY = 'SECURITY',
  TRAFFIC = 'TRAFFIC',
  PUBLIC_ORDER = 'PUBLIC_ORDER',
  DISASTER_WATCH = 'DISASTER_WATCH',
  OTHER = 'OTHER',
}

/** Operations centres that receive a camera's feed. */
export enum CameraFeed {
  /** The intelligent operations centre (IOC). */
  IOC = 'IOC',
  /** The commune police operations room. */
  POLICE = 'POLICE',
}

/** A security camera (ONVIF Profile S class): where it is, what for, who receives its feed. */
@Entity({ tableName: 'camera' })
@Index({ properties: ['communeId'] })
export class Camera {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Where it is mounted, NFC text (address, landmark). */
  @Property({ type: 'string', length: 500 })
  location!: string;

  @Enum({ items: () => CameraPurpose, type: 'string' })
  purpose!: CameraPurpose;

  /** Centres receiving the feed, as a JSON array of CameraFeed values. */
  @Property({ type: 'json' })
  feeds!: CameraFeed[];

  /** RTSP/HTTP stream URI (ONVIF GetStreamUri): shown to the security role only. */
  @Property({ type: 'string', length: 1000, nullable: true })
  streamUrl?: string | null;

  @Enum({ items: () => InstallationState, type: 'string' })
  state!: InstallationState;

  @Property({ type: 'date', nullable: true })
  installedOn?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;
}
