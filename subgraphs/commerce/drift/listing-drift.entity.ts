import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DriftField, DriftResolution } from './drift-kinds.js';

/**
 * One difference the drift audit found between a listing as the hub holds it and as the marketplace
 * shows it, and how it was settled. Values are text as people read them (a price in đồng, a status).
 */
@Entity({ tableName: 'listing_drift' })
@Index({ properties: ['listingId', 'detectedAt'] })
export class ListingDrift {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 40 })
  listingId!: string;

  @Enum({ items: () => DriftField, type: 'string' })
  field!: DriftField;

  @Property({ type: 'string', length: 200 })
  hubValue!: string;

  @Property({ type: 'string', length: 200 })
  marketplaceValue!: string;

  @Property({ type: 'datetime' })
  detectedAt!: Date;

  /** Null while the hub's write-back is under way. */
  @Enum({ items: () => DriftResolution, type: 'string', nullable: true })
  resolution?: DriftResolution | null;

  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;
}
