import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ConsentChannel, SubscriberChannel, SubscriptionStatus } from './announcement-enums.js';

/**
 * A resident who asked to receive the commune's announcements. The phone is personal data: only the
 * delivery worker reads it in full; the graph shows it masked to the commune's officers, and no log
 * line carries it.
 */
@Entity({ tableName: 'announcement_subscriber' })
@Unique({ properties: ['communeId', 'phone'] })
@Index({ properties: ['communeId', 'status'] })
export class Subscriber {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  /** Normalised by the shared phone rule (subgraphs/shared/contact.rules.ts). */
  @Property({ type: 'string', length: 20 })
  phone!: string;

  /** The village (thôn, xóm) the subscriber lives in, as the commune names it; null if not given. */
  @Property({ type: 'string', length: 100, nullable: true })
  village?: string | null;

  /** Folded (lower case, no diacritics) village, for audience matching. */
  @Property({ type: 'string', length: 100, nullable: true })
  villageKey?: string | null;

  /** Groups the subscriber belongs to (farmers' association, village heads, ...), folded. */
  @Property({ type: 'json' })
  groups!: string[];

  @Enum({ items: () => SubscriberChannel, type: 'string' })
  channel!: SubscriberChannel;

  @Enum({ items: () => SubscriptionStatus, type: 'string' })
  status!: SubscriptionStatus;

  @Property({ type: 'datetime' })
  consentAt!: Date;

  @Enum({ items: () => ConsentChannel, type: 'string' })
  consentChannel!: ConsentChannel;

  @Property({ type: 'datetime', nullable: true })
  optedOutAt?: Date | null;

  @Enum({ items: () => ConsentChannel, type: 'string', nullable: true })
  optOutChannel?: ConsentChannel | null;

  /** The code printed under every message: whoever has it may stop the messages (the public opt-out). */
  @Property({ type: 'string', length: 16, unique: true })
  optOutCode!: string;

  @Property({ type: 'string', length: 200 })
  recordedBy!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
