import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Marketplace } from './marketplace.js';

export enum ProducerKind {
  HOUSEHOLD = 'HOUSEHOLD',
  COOPERATIVE = 'COOPERATIVE',
}

/** A household (hộ sản xuất) or cooperative (hợp tác xã) that sells through the hub. */
@Entity({ tableName: 'producer' })
@Index({ properties: ['communeId', 'nameSearch', 'id'] })
export class Producer {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Enum({ items: () => ProducerKind, type: 'string' })
  kind!: ProducerKind;

  /** NFC. */
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** foldForSearch(name). */
  @Property({ type: 'string', length: 200 })
  nameSearch!: string;

  /** Commune.id (governance), e.g. "05068/2". */
  @Property({ type: 'string', length: 16 })
  communeId!: string;

  /** Personal data: readable only by the producer's members and admins. */
  @Property({ type: 'string', length: 200, nullable: true })
  contactName?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  contactPhone?: string | null;

  /** Marketplaces the producer sells on, in enum order. */
  @Property({ type: 'json' })
  marketplaces: Marketplace[] = [];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /**
   * When the first member was recorded; never cleared. From then on the records alone say who acts
   * for the producer, and a token's `producers` claim is ignored (catalogue/producer-access.query.ts).
   */
  @Property({ type: 'datetime', nullable: true })
  membersRecordedAt?: Date | null;
}
