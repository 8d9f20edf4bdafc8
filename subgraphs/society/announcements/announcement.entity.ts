import { BigIntType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { AnnouncementStatus, AudienceKind, RadioRelayStatus } from './announcement-enums.js';

/**
 * An announcement from the commune to its subscribers. Sending it writes one delivery per recipient
 * (the delivery queue) and, for an emergency, queues the radio bulletin on this row (`radio*`): both in
 * the same transaction, so nothing is sent that was not recorded and nothing recorded is forgotten.
 */
@Entity({ tableName: 'announcement' })
@Index({ properties: ['communeId', 'createdAt'] })
@Index({ properties: ['radioStatus', 'radioRunAfter'] })
export class Announcement {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Property({ type: 'string', length: 120 })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Enum({ items: () => AudienceKind, type: 'string' })
  audienceKind!: AudienceKind;

  /** The villages or groups addressed (as given), empty for EVERYONE. */
  @Property({ type: 'json' })
  audience!: string[];

  @Property({ type: 'boolean' })
  emergency!: boolean;

  @Enum({ items: () => AnnouncementStatus, type: 'string' })
  status!: AnnouncementStatus;

  @Property({ type: 'string', length: 200 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'string', length: 200, nullable: true })
  sentBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'integer' })
  recipients: number = 0;

  @Enum({ items: () => RadioRelayStatus, type: 'string' })
  radioStatus: RadioRelayStatus = RadioRelayStatus.NONE;

  @Property({ type: 'integer' })
  radioAttempts: number = 0;

  /** Epoch ms: when the radio job may run next (compared in SQL alike on both dialects). */
  @Property({ type: new BigIntType('number'), nullable: true })
  radioRunAfter?: number | null;

  @Property({ type: new BigIntType('number'), nullable: true })
  radioLockedUntil?: number | null;

  /** The devices subgraph's Broadcast.id once scheduled. */
  @Property({ type: 'string', length: 64, nullable: true })
  radioBroadcastId?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  radioLastError?: string | null;
}
