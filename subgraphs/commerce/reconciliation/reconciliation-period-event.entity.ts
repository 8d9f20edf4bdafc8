import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

export enum PeriodAction {
  CLOSE = 'CLOSE',
  REOPEN = 'REOPEN',
}

/** The audit trail of a period: every close and reopen, who, when and why. Appended, never updated. */
@Entity({ tableName: 'reconciliation_period_event' })
@Index({ properties: ['periodId', 'at'] })
export class ReconciliationPeriodEvent {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 36 })
  periodId!: string;

  @Enum({ items: () => PeriodAction, type: 'string' })
  action!: PeriodAction;

  @Property({ type: 'string', length: 200 })
  actor!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'text' })
  reason!: string;
}
