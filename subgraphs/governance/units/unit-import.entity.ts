import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One set of unit files applied to the registry (a reform: the units before it, after it and the
 * successions between them), by checksum: the embedded default loads its national files once, at
 * first start, and knows on later starts that they are in.
 */
@Entity({ tableName: 'unit_import' })
export class UnitImport {
  /** sha256 of the files' contents, in reform order. */
  @PrimaryKey({ type: 'string', length: 64 })
  checksum!: string;

  /** What was imported, e.g. "admin-units (2025-07-01)". */
  @Property({ type: 'string', length: 200 })
  source!: string;

  /** The day the reform took effect (yyyy-mm-dd). */
  @Property({ type: 'date' })
  effectiveOn!: string;

  @Property({ type: 'datetime' })
  importedAt!: Date;
}
