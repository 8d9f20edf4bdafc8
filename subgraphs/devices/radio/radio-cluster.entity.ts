import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { InstallationState } from '../equipment-status.js';

/**
 * A smart-radio loudspeaker cluster (cụm loa truyền thanh thông minh): one point in a village with
 * its receivers (devices) and loudspeakers.
 */
@Entity({ tableName: 'radio_cluster' })
@Index({ properties: ['communeId', 'village'] })
export class RadioCluster {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  /** Commune.id (owned by governance). */
  @Property({ type: 'string', length: 16 })
  communeId!: string;

  /** Village (thôn, xóm, bản) the cluster serves, NFC. */
  @Property({ type: 'string', length: 200 })
  village!: string;

  /** Receivers installed at this point (0 while planned). */
  @Property({ type: 'integer' })
  deviceCount!: number;

  /** Loudspeakers installed at this point (0 while planned). */
  @Property({ type: 'integer' })
  loudspeakerCount!: number;

  @Enum({ items: () => InstallationState, type: 'string' })
  state!: InstallationState;

  @Property({ type: 'date', nullable: true })
  installedOn?: string | null;

  /** Free remark, e.g. why a point waits. */
  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;
}
