import { BigIntType, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * Up to PACK_SIZE plain MATCHED items of a run in one row (item-pack.ts says which items are plain
 * and how they are written). About 99 % of a run's items are plain; a row each cost SQLite ~5 µs of
 * its own per item whatever the batching, more than the whole rest of an import. A pack holds
 * consecutive plain items in result order (the exceptions between them stay rows), so reading a run
 * in seq order merges two sorted streams. A packed item becomes a row when a person resolves it.
 */
@Entity({ tableName: 'reconciliation_item_pack' })
@Unique({ properties: ['runId', 'firstSeq'] })
export class ReconciliationItemPack {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 36 })
  runId!: string;

  /** Seq of the first and last item in the pack (others of the range may be rows). */
  @Property({ type: 'integer' })
  firstSeq!: number;

  @Property({ type: 'integer' })
  lastSeq!: number;

  @Property({ type: 'integer' })
  itemCount!: number;

  /** Σ paid of the items (each paid exactly what was expected: MATCHED, nothing reversed). */
  @Property({ type: new BigIntType('number') })
  paidVnd!: number;

  /** "|p1|p2|": every producer of the items, for the same access filter as item rows; "" when none. */
  @Property({ type: 'text' })
  producerKey!: string;

  /** {"p1": 20, ...}: items per producer, for a producer's item count without reading the items. */
  @Property({ type: 'text' })
  producerCountsJson!: string;

  /** The items, one JSON array each (item-pack.ts). */
  @Property({ type: 'text' })
  itemsJson!: string;
}
