import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A person's decision on an item, kept forever: who, when and why. Appended, never updated. */
@Entity({ tableName: 'reconciliation_resolution' })
@Index({ properties: ['itemId', 'resolvedAt'] })
export class ReconciliationResolution {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  itemId!: number;

  @Property({ type: 'text' })
  note!: string;

  @Property({ type: 'string', length: 200 })
  resolvedBy!: string;

  @Property({ type: 'datetime' })
  resolvedAt!: Date;
}
