import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export enum TelehealthAccountStatus {
  /** Accounts made, not yet handed to the station. */
  CREATED = 'CREATED',
  /** Handed over and in use. */
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}

/** A health station's account on a telehealth (khám chữa bệnh từ xa) platform. */
@Entity({ tableName: 'telehealth_account' })
@Unique({ properties: ['communeId', 'platform'] })
export class TelehealthAccount {
  @PrimaryKey({ type: 'string', length: 48 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  /** The platform, e.g. "Telehealth (Viettel)". */
  @Property({ type: 'string', length: 100 })
  platform!: string;

  @Property({ type: 'string', length: 200 })
  provider!: string;

  @Enum({ items: () => TelehealthAccountStatus, type: 'string' })
  status!: TelehealthAccountStatus;

  @Property({ type: 'date', nullable: true })
  createdOn?: string | null;

  @Property({ type: 'date', nullable: true })
  handoverPlannedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  handedOverOn?: string | null;

  /** Where the facts come from, and anything odd in the source. */
  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;
}
