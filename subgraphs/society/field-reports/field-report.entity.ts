import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** The fields a field report can be about (the pilot app's four, and anything else). */
export enum FieldReportCategory {
  CONSTRUCTION_ORDER = 'CONSTRUCTION_ORDER',
  ENVIRONMENTAL_SANITATION = 'ENVIRONMENTAL_SANITATION',
  TRAFFIC_INFRASTRUCTURE = 'TRAFFIC_INFRASTRUCTURE',
  URBAN_INFRASTRUCTURE = 'URBAN_INFRASTRUCTURE',
  OTHER = 'OTHER',
}

/** Where a report stands; the transitions between these are in `workflow.ts`. */
export enum FieldReportStatus {
  RECEIVED = 'RECEIVED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  REFUSED = 'REFUSED',
}

/**
 * A field report (phản ánh hiện trường) sent by a citizen to a commune. The reporter's contact is
 * personal data: stored here, shown only to the commune's officers.
 */
@Entity({ tableName: 'field_report' })
@Unique({ properties: ['receiptCode'] })
@Index({ properties: ['communeId', 'receivedAt'] })
@Index({ properties: ['communeId', 'status', 'dueAt'] })
@Index({ properties: ['rateKey', 'receivedAt'] })
@Index({ properties: ['addressKey', 'receivedAt'] })
export class FieldReport {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  /** What the reporter keeps to follow the report, e.g. "PA-7KQ3M-X9D2F". */
  @Property({ type: 'string', length: 20 })
  receiptCode!: string;

  @Enum({ items: () => FieldReportCategory, type: 'string' })
  category!: FieldReportCategory;

  @Property({ type: 'text' })
  description!: string;

  /** Where: an address or landmark, NFC. */
  @Property({ type: 'string', length: 300 })
  locationText!: string;

  @Property({ type: 'double', nullable: true })
  latitude?: number | null;

  @Property({ type: 'double', nullable: true })
  longitude?: number | null;

  @Property({ type: 'json' })
  photoUrls!: string[];

  @Property({ type: 'string', length: 200, nullable: true })
  reporterName?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  reporterPhone?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  reporterEmail?: string | null;

  /** Token subject when the reporter was signed in; null for an anonymous submission. */
  @Property({ type: 'string', length: 200, nullable: true })
  reporterSubject?: string | null;

  /** Hash of what anonymous submissions are rate-limited by (the normalised contact); never the contact itself. */
  @Property({ type: 'string', length: 64, nullable: true })
  rateKey?: string | null;

  /** Anonymous reports only: SHA-256 of the client address the gateway signed (never the address itself), for the per-address limit. */
  @Property({ type: 'string', length: 64, nullable: true })
  addressKey?: string | null;

  @Enum({ items: () => FieldReportStatus, type: 'string' })
  status!: FieldReportStatus;

  /** The unit (ban, ngành, thôn) handling the report. */
  @Property({ type: 'string', length: 200, nullable: true })
  assignedUnit?: string | null;

  @Property({ type: 'text', nullable: true })
  refusalReason?: string | null;

  /** What was done, written when resolved. */
  @Property({ type: 'text', nullable: true })
  resolution?: string | null;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  /** When it must be resolved by: received (or reopened) + the SLA's working days. */
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;

  /** resolvedAt ≤ dueAt, fixed when resolved; null while not resolved. */
  @Property({ type: 'boolean', nullable: true })
  resolvedOnTime?: boolean | null;

  @Property({ type: 'integer' })
  reopenCount!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
