import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The dossier counts of one commune for one month (Asia/Ho_Chi_Minh calendar of received_at), kept
 * exact in the same transaction as every dossier write (dossier-summary.store.ts). dossierStats,
 * its months and the province figures read these rows instead of the dossiers: a province-year
 * is ~150 communes × 12 rows however many millions of dossiers its communes received.
 * `hub dossiers rebuild-summary` recomputes it from the dossiers.
 *
 * The counts index repeats the key with every count, so that the figures of a commune, a page of
 * communes or a province read the index alone (an index-only scan on PostgreSQL, a covering index
 * on SQLite), never the table. A plain index rather than PostgreSQL's INCLUDE: the same on both
 * dialects, and the table is small (one row per commune-month).
 */
@Entity({ tableName: 'dossier_month_summary' })
@Index({ name: 'dossier_month_summary_counts_index', properties: ['communeId', 'year', 'month', 'received', 'resolvedOnTime', 'resolvedOverdue', 'online'] })
export class DossierMonthSummary {
  @PrimaryKey({ type: 'string', length: 16 })
  communeId!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  /** 1..12. */
  @PrimaryKey({ type: 'integer' })
  month!: number;

  /** Dossiers received in the month, all channels. */
  @Property({ type: 'integer' })
  received!: number;

  /** Of those, status RESOLVED with completed_at ≤ due_at. */
  @Property({ type: 'integer' })
  resolvedOnTime!: number;

  /** Of those, status RESOLVED with completed_at > due_at. */
  @Property({ type: 'integer' })
  resolvedOverdue!: number;

  /** Of those, received through the online channel. */
  @Property({ type: 'integer' })
  online!: number;
}
