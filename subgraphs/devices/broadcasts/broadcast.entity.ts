import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Circular 39/2020/TT-BTTTT: bulletins are normal, priority, or emergency (played at once). */
export enum BroadcastPriority {
  NORMAL = 'NORMAL',
  PRIORITY = 'PRIORITY',
  EMERGENCY = 'EMERGENCY',
}

/** A bulletin (bản tin) for a commune's loudspeaker clusters. Per-cluster slots are BroadcastTarget rows. */
@Entity({ tableName: 'broadcast' })
@Index({ properties: ['communeId', 'startsAt', 'id'] })
export class Broadcast {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Property({ type: 'string', length: 300 })
  title!: string;

  /** Text read out (or a description of the audio), NFC. */
  @Property({ type: 'text' })
  content!: string;

  @Enum({ items: () => BroadcastPriority, type: 'string' })
  priority!: BroadcastPriority;

  /** The start asked for (an emergency: the moment it was issued). Clusters may play later if pre-empted. */
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'integer' })
  durationSeconds!: number;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** Token subject of whoever scheduled it. */
  @Property({ type: 'string', length: 200 })
  createdBy!: string;
}
