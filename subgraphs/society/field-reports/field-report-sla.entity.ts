import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Category value of the commune-wide SLA row, applying to every category without a row of its own. */
export const ANY_CATEGORY = 'ANY';

/**
 * How many working days a commune gives itself to resolve a report of a category (or of any
 * category). Set by the commune's officers; without a row, `DEFAULT_SLA_WORKING_DAYS` applies.
 */
@Entity({ tableName: 'field_report_sla' })
export class FieldReportSla {
  @PrimaryKey({ type: 'string', length: 16 })
  communeId!: string;

  /** A FieldReportCategory, or ANY_CATEGORY. */
  @PrimaryKey({ type: 'string', length: 32 })
  category!: string;

  @Property({ type: 'integer' })
  workingDays!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'string', length: 200 })
  updatedBy!: string;
}
