import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One examination (part 4 of a Decision 831 record): periodic check-up or visit. */
@Entity({ tableName: 'examination' })
@Index({ properties: ['recordId', 'examinedOn'] })
export class Examination {
  @PrimaryKey({ type: 'string', length: 48 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  recordId!: string;

  @Property({ type: 'date' })
  examinedOn!: string;

  /** Who examined (name and title). */
  @Property({ type: 'string', length: 200 })
  examiner!: string;

  @Property({ type: 'string', length: 300 })
  reason!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  conclusion?: string | null;

  @Property({ type: 'string', length: 10, nullable: true })
  icd10Code?: string | null;

  @Property({ type: 'integer', nullable: true })
  heightCm?: number | null;

  @Property({ type: 'double', nullable: true })
  weightKg?: number | null;

  /** Systolic/diastolic in mmHg, e.g. "120/80". */
  @Property({ type: 'string', length: 7, nullable: true })
  bloodPressure?: string | null;
}
