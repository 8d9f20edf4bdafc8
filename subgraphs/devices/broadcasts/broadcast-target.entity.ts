import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** What a cluster's receiver reported about a slot; without a report, status follows the clock. */
export enum PlaybackReport {
  PLAYED = 'PLAYED',
  FAILED = 'FAILED',
}

/** One bulletin on one cluster: its slot there, which may move when a higher priority pre-empts it. */
@Entity({ tableName: 'broadcast_target' })
@Index({ properties: ['clusterId', 'endsAt'] })
export class BroadcastTarget {
  @PrimaryKey({ type: 'string', length: 36 })
  broadcastId!: string;

  @PrimaryKey({ type: 'string', length: 64 })
  clusterId!: string;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  /** The bulletin that last pushed this slot back; null if never pre-empted. */
  @Property({ type: 'string', length: 36, nullable: true })
  preemptedById?: string | null;

  /** True when the slot was cut off while playing (it then plays again, whole, after the pre-emption). */
  @Property({ type: 'boolean' })
  interrupted: boolean = false;

  @Enum({ items: () => PlaybackReport, type: 'string', nullable: true })
  report?: PlaybackReport | null;

  @Property({ type: 'string', length: 500, nullable: true })
  failureReason?: string | null;
}
