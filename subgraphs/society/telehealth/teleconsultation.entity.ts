import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

export enum TeleconsultationStatus {
  SCHEDULED = 'SCHEDULED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** A remote consultation the station holds with a specialist over its telehealth account. */
@Entity({ tableName: 'teleconsultation' })
@Index({ properties: ['accountId', 'scheduledAt'] })
export class Teleconsultation {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 48 })
  accountId!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Property({ type: 'datetime' })
  scheduledAt!: Date;

  /** The specialist's name and title, NFC. */
  @Property({ type: 'string', length: 200 })
  specialist!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  specialty?: string | null;

  /** The specialist's hospital, e.g. "Bệnh viện Đa khoa tỉnh Hòa Bình". */
  @Property({ type: 'string', length: 200, nullable: true })
  hospital?: string | null;

  @Enum({ items: () => TeleconsultationStatus, type: 'string' })
  status!: TeleconsultationStatus;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
