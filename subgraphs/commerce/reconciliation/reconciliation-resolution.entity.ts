import { BigIntType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Int64IdType } from '../../../core/db/int64-id-type.js';
import { ResolutionAction, ResolutionCategory, ResolutionStatus } from './resolution.rules.js';

/**
 * A person's decision on an item, kept forever: who, when, why and of what kind. Appended; only a
 * pending write-off is ever updated, once, when a second person approves it.
 */
@Entity({ tableName: 'reconciliation_resolution' })
@Index({ properties: ['itemId', 'resolvedAt'] })
export class ReconciliationResolution {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** An item id: bigint, as the item's (reconciliation-item.entity.ts). */
  @Property({ type: Int64IdType })
  itemId!: number;

  /** RESOLVE, or REOPEN (the item needs a person again). */
  @Enum({ items: () => ResolutionAction, type: 'string', default: ResolutionAction.RESOLVE })
  action: ResolutionAction = ResolutionAction.RESOLVE;

  /** What kind of resolution; null on a REOPEN. */
  @Enum({ items: () => ResolutionCategory, type: 'string', nullable: true })
  category?: ResolutionCategory | null;

  /** EFFECTIVE, or PENDING_APPROVAL for a write-off above the threshold until a second person approves. */
  @Enum({ items: () => ResolutionStatus, type: 'string', default: ResolutionStatus.EFFECTIVE })
  status: ResolutionStatus = ResolutionStatus.EFFECTIVE;

  /** Amount written off (the item's open difference), for WRITE_OFF. */
  @Property({ type: new BigIntType('number'), nullable: true })
  amountVnd?: number | null;

  @Property({ type: 'text' })
  note!: string;

  @Property({ type: 'string', length: 200 })
  resolvedBy!: string;

  @Property({ type: 'datetime' })
  resolvedAt!: Date;

  /** The second person who approved a write-off, and when. */
  @Property({ type: 'string', length: 200, nullable: true })
  approvedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  approvedAt?: Date | null;

  /** Set when the resolution was carried over from the same, unchanged item of a superseded version. */
  @Property({ type: 'string', length: 36, nullable: true })
  carriedFromRunId?: string | null;
}
