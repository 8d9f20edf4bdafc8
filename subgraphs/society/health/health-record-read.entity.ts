import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The audit log of health-record reads: one row per record per request that returned it (who,
 * when, which record, through which field). Written in the same request as the read, never updated.
 */
@Entity({ tableName: 'health_record_read' })
@Index({ properties: ['communeId', 'readAt'] })
@Index({ properties: ['recordId', 'readAt'] })
export class HealthRecordRead {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Property({ type: 'string', length: 36 })
  recordId!: string;

  /** The token subject of the reader. */
  @Property({ type: 'string', length: 200 })
  readerSubject!: string;

  /** The roles the reader's token held, comma-separated. */
  @Property({ type: 'string', length: 200 })
  readerRoles!: string;

  @Property({ type: 'datetime' })
  readAt!: Date;

  /** The graph field that returned the record, e.g. "Commune.healthRecords". */
  @Property({ type: 'string', length: 100 })
  via!: string;

  @Property({ type: 'string', length: 128 })
  requestId!: string;
}
