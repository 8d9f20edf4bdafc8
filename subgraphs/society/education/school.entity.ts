import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Levels of general education (Education Law 2019); inter-level schools take two. */
export enum SchoolLevel {
  PRESCHOOL = 'PRESCHOOL',
  PRIMARY = 'PRIMARY',
  LOWER_SECONDARY = 'LOWER_SECONDARY',
  PRIMARY_AND_LOWER_SECONDARY = 'PRIMARY_AND_LOWER_SECONDARY',
  UPPER_SECONDARY = 'UPPER_SECONDARY',
}

/** A school in a commune. */
@Entity({ tableName: 'school' })
@Index({ properties: ['communeId', 'name'] })
export class School {
  @PrimaryKey({ type: 'string', length: 48 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  /** Full name, NFC, e.g. "Trường Tiểu học Liên Sơn". */
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => SchoolLevel, type: 'string' })
  level!: SchoolLevel;
}
