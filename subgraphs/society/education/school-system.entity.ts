import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** What a school's digital system does. */
export enum SchoolSystemKind {
  SCHOOL_MANAGEMENT = 'SCHOOL_MANAGEMENT',
  ELECTRONIC_RECORDS = 'ELECTRONIC_RECORDS',
  E_LEARNING = 'E_LEARNING',
  PARENT_COMMUNICATION = 'PARENT_COMMUNICATION',
  OTHER = 'OTHER',
}

/**
 * A digital system a school uses, with its milestones as data: accounts created, in use from,
 * retired. Month-precise milestones (the source says "from Dec 2021") are stored as the 1st.
 */
@Entity({ tableName: 'school_system' })
@Index({ properties: ['schoolId'] })
export class SchoolSystem {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 48 })
  schoolId!: string;

  @Enum({ items: () => SchoolSystemKind, type: 'string' })
  kind!: SchoolSystemKind;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  provider?: string | null;

  @Property({ type: 'date', nullable: true })
  accountsCreatedOn?: string | null;

  /** First day in use (go-live). */
  @Property({ type: 'date', nullable: true })
  liveFrom?: string | null;

  @Property({ type: 'date', nullable: true })
  retiredOn?: string | null;

  /** Where the milestones come from, e.g. the pilot report. */
  @Property({ type: 'string', length: 300, nullable: true })
  source?: string | null;
}
