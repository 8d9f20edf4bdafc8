import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { InstallationState } from '../equipment-status.js';
import type { NetworkLevel } from './video.rules.js';

/** A video-conference room (phòng họp trực tuyến) of a commune, and the levels of the network it reaches. */
@Entity({ tableName: 'video_room' })
@Index({ properties: ['communeId'] })
export class VideoRoom {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Its equipment (codec, camera, microphones, screen), NFC free text. */
  @Property({ type: 'string', length: 1000 })
  equipment!: string;

  /** Levels of the 4-level network it connects to, as a JSON array of NetworkLevel values. */
  @Property({ type: 'json' })
  connectedLevels!: NetworkLevel[];

  @Enum({ items: () => InstallationState, type: 'string' })
  state!: InstallationState;

  @Property({ type: 'date', nullable: true })
  installedOn?: string | null;
}
