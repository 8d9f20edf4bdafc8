import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A provider's period as finance closed it: while `closed`, no run may be imported or superseded
 * for any period overlapping it and its items cannot be resolved. Reopening is an event, never a
 * deletion (reconciliation_period_event keeps who, when and why).
 */
@Entity({ tableName: 'reconciliation_period' })
@Unique({ properties: ['provider', 'periodLabel'] })
export class ReconciliationPeriod {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 32 })
  provider!: string;

  /** "2026-11" or "2026-11-01". */
  @Property({ type: 'string', length: 10 })
  periodLabel!: string;

  @Property({ type: 'date' })
  periodStart!: string;

  /** Inclusive. */
  @Property({ type: 'date' })
  periodEnd!: string;

  @Property({ type: 'boolean' })
  closed!: boolean;

  /** The latest close. */
  @Property({ type: 'datetime' })
  closedAt!: Date;

  @Property({ type: 'string', length: 200 })
  closedBy!: string;
}
