import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Embedded (SQLite) mode runs one sync worker per database: the holder of this lease. */
@Entity({ tableName: 'sync_worker_lease' })
export class SyncWorkerLease {
  @PrimaryKey({ type: 'string', length: 40 })
  name!: string;

  @Property({ type: 'string', length: 100 })
  holder!: string;

  @Property({ type: new BigIntType('number') })
  expiresAt!: number;
}
