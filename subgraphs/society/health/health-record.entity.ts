import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

/**
 * A resident's health record (hồ sơ sức khỏe, Decision 831/QĐ-BYT): this row is part 1, the
 * administrative data; history, vaccinations and examinations are rows of their own tables.
 * Sensitive personal data (Decree 13/2023, Law 91/2025): read only through `health-access.ts`.
 */
@Entity({ tableName: 'health_record' })
@Unique({ properties: ['communeId', 'recordNumber'] })
@Index({ properties: ['communeId', 'fullNameSearch'] })
export class HealthRecord {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  /** The commune whose health station holds the record. */
  @Property({ type: 'string', length: 16 })
  communeId!: string;

  /** The station's record number, unique within the commune, e.g. "05068-000123". */
  @Property({ type: 'string', length: 32 })
  recordNumber!: string;

  @Property({ type: 'string', length: 200 })
  fullName!: string;

  /** foldForSearch(fullName): search ignores diacritics and case. */
  @Property({ type: 'string', length: 200 })
  fullNameSearch!: string;

  @Enum({ items: () => Sex, type: 'string' })
  sex!: Sex;

  @Property({ type: 'date' })
  birthDate!: string;

  @Property({ type: 'string', length: 50, nullable: true })
  ethnicity?: string | null;

  /** Village (thôn, xóm) of residence. */
  @Property({ type: 'string', length: 100, nullable: true })
  village?: string | null;

  /** Citizen identity number (CCCD, 12 digits); null for young children. */
  @Property({ type: 'string', length: 12, nullable: true })
  citizenId?: string | null;

  /** Health insurance card number (mã thẻ BHYT, 15 characters). */
  @Property({ type: 'string', length: 15, nullable: true })
  healthInsuranceNumber?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  /** ABO and Rh, e.g. "O+"; null when not tested. */
  @Property({ type: 'string', length: 3, nullable: true })
  bloodType?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
