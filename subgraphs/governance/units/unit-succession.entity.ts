import { Entity, Enum, PrimaryKey } from '@mikro-orm/core';

export enum SuccessionShare {
  /** The whole predecessor became part of the successor. */
  WHOLE = 'WHOLE',
  /** Only part of it did (the rest went elsewhere). */
  PART = 'PART',
}

/** Lineage: `predecessorId` (or part of it) became part of `successorId` on the successor's validFrom. */
@Entity({ tableName: 'unit_succession' })
export class UnitSuccession {
  @PrimaryKey({ type: 'string', length: 16 })
  predecessorId!: string;

  @PrimaryKey({ type: 'string', length: 16 })
  successorId!: string;

  @Enum({ items: () => SuccessionShare, type: 'string' })
  share!: SuccessionShare;
}
