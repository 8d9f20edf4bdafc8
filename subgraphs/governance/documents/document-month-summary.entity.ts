import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The document counts of one commune's register for one month of its register date (registered_on),
 * kept exact in the same transaction as every document and signature write
 * (document-summary.store.ts). documentStats and Province.documentStats read these rows instead of
 * the register: a commune-year is at most 12 rows however many documents it registered, where the
 * register itself needs a row and a signature probe per document (2,600 for Nam Thượng in 2021).
 *
 * As dossier_month_summary, the counts index repeats the key with every count so the KPI reads use
 * the index alone (index-only scan on PostgreSQL, covering index on SQLite).
 */
@Entity({ tableName: 'document_month_summary' })
@Index({
  name: 'document_month_summary_counts_index',
  properties: ['communeId', 'year', 'month', 'incoming', 'incomingElectronic', 'outgoing', 'outgoingElectronic', 'outgoingSigned'],
})
export class DocumentMonthSummary {
  @PrimaryKey({ type: 'string', length: 16 })
  communeId!: string;

  /** register_year: the year of registered_on. */
  @PrimaryKey({ type: 'integer' })
  year!: number;

  /** 1..12, the month of registered_on. */
  @PrimaryKey({ type: 'integer' })
  month!: number;

  @Property({ type: 'integer' })
  incoming!: number;

  /** Incoming documents received electronically. */
  @Property({ type: 'integer' })
  incomingElectronic!: number;

  @Property({ type: 'integer' })
  outgoing!: number;

  /** Outgoing documents issued as electronic documents. */
  @Property({ type: 'integer' })
  outgoingElectronic!: number;

  /** Outgoing electronic documents with at least one digital signature recorded. */
  @Property({ type: 'integer' })
  outgoingSigned!: number;
}
