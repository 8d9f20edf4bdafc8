import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A person who acts for a producer: the account (`subject`, the `sub` of their hub token) the token
 * issuer gives `producer` with this producer id. Recorded through the graph by admins and
 * cooperative managers; the name is personal data (members and managers only).
 */
@Entity({ tableName: 'producer_member' })
@Unique({ properties: ['producerId', 'subject'] })
export class ProducerMember {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 40 })
  producerId!: string;

  /** The account id (token `sub`); every request of a `producer` account looks its memberships up by it. */
  @Index()
  @Property({ type: 'string', length: 200 })
  subject!: string;

  /** NFC. */
  @Property({ type: 'string', length: 200 })
  displayName!: string;

  @Property({ type: 'datetime' })
  addedAt: Date = new Date();
}
