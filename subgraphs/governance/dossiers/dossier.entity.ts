import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DossierChannel, DossierStatus, OnlineLevel } from './dossier-enums.js';

/**
 * An administrative procedure dossier (hồ sơ thủ tục hành chính) received at a commune's one-stop
 * desk. `id` derives from the natural key (commune, dossier code). The applicant is personal data:
 * only officers of the commune read it, and each read is audited.
 */
@Entity({ tableName: 'dossier' })
@Unique({ properties: ['communeId', 'code'] })
// One index for both reads: its prefix (commune_id, received_at, id) serves the keyset list order, and
// carrying status, channel, due_at and completed_at lets dossierStats count a commune-year from the
// index alone (an index-only scan on PostgreSQL, a covering index on SQLite), without heap reads.
@Index({ name: 'dossier_commune_received_covering', properties: ['communeId', 'receivedAt', 'id', 'status', 'channel', 'dueAt', 'completedAt'] })
export class Dossier {
  @PrimaryKey({ type: 'string', length: 24 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  /** Mã hồ sơ, as printed on the receipt. */
  @Property({ type: 'string', length: 64 })
  code!: string;

  /** Mã thủ tục in the national database of procedures, e.g. "1.001193". */
  @Property({ type: 'string', length: 32 })
  procedureCode!: string;

  @Property({ type: 'string', length: 500 })
  procedureName!: string;

  /** Lĩnh vực, e.g. "Hộ tịch". */
  @Property({ type: 'string', length: 200 })
  procedureField!: string;

  @Enum({ items: () => DossierChannel, type: 'string' })
  channel!: DossierChannel;

  /** Online dossiers only. */
  @Enum({ items: () => OnlineLevel, type: 'string', nullable: true })
  onlineLevel?: OnlineLevel | null;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  /** Hạn trả kết quả. */
  @Property({ type: 'datetime' })
  dueAt!: Date;

  /** When the dossier reached a final status (resolved, returned, rejected, withdrawn). */
  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  @Enum({ items: () => DossierStatus, type: 'string' })
  status!: DossierStatus;

  @Property({ type: 'datetime' })
  statusChangedAt!: Date;

  /** Optimistic lock: two officers changing the same dossier at once cannot both win. */
  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'string', length: 200 })
  applicantName!: string;

  /** Số CCCD/CMND, if given. */
  @Property({ type: 'string', length: 20, nullable: true })
  applicantIdNumber?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  applicantPhone?: string | null;
}
