import { BigIntType, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DeliveryStatus, SubscriberChannel } from './announcement-enums.js';

/**
 * One announcement to one subscriber: its status, and the durable queue row the delivery worker
 * claims (`runAfter`, `lockedBy`, `lockedUntil`, epoch ms). `clientMessageId` goes to the channel with
 * every attempt, so an attempt after an unknown outcome returns the first message instead of sending
 * a second one.
 */
@Entity({ tableName: 'announcement_delivery' })
@Unique({ properties: ['announcementId', 'subscriberId'] })
@Index({ properties: ['status', 'runAfter'] })
export class AnnouncementDelivery {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 64 })
  announcementId!: string;

  @Property({ type: 'string', length: 64 })
  subscriberId!: string;

  @Enum({ items: () => SubscriberChannel, type: 'string' })
  channel!: SubscriberChannel;

  @Property({ type: 'string', length: 64, unique: true })
  clientMessageId!: string;

  @Enum({ items: () => DeliveryStatus, type: 'string' })
  status!: DeliveryStatus;

  /** Calls to the channel to send it. */
  @Property({ type: 'integer' })
  attempts: number = 0;

  /** Delivery-report look-ups made while SENT. */
  @Property({ type: 'integer' })
  reportChecks: number = 0;

  @Property({ type: new BigIntType('number') })
  runAfter!: number;

  @Property({ type: 'string', length: 100, nullable: true })
  lockedBy?: string | null;

  @Property({ type: new BigIntType('number'), nullable: true })
  lockedUntil?: number | null;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  providerMessageId?: string | null;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
