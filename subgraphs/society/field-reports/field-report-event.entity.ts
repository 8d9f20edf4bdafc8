import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { FieldReportStatus } from './field-report.entity.js';

export enum FieldReportAction {
  SUBMIT = 'SUBMIT',
  ASSIGN = 'ASSIGN',
  START = 'START',
  RESOLVE = 'RESOLVE',
  REFUSE = 'REFUSE',
  REOPEN = 'REOPEN',
}

/** One step of a report's history: who moved it from which status to which, when, and why. */
@Entity({ tableName: 'field_report_event' })
@Index({ properties: ['reportId', 'at'] })
export class FieldReportEvent {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  reportId!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @Enum({ items: () => FieldReportAction, type: 'string' })
  action!: FieldReportAction;

  @Enum({ items: () => FieldReportStatus, type: 'string', nullable: true })
  fromStatus?: FieldReportStatus | null;

  @Enum({ items: () => FieldReportStatus, type: 'string' })
  toStatus!: FieldReportStatus;

  /** Token subject of the actor; null for an anonymous reporter acting with the receipt code. */
  @Property({ type: 'string', length: 200, nullable: true })
  actorSubject?: string | null;

  /** The unit assigned, the refusal reason, the resolution or the reopen reason. */
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
