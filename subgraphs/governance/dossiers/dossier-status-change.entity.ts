import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DossierStatus } from './dossier-enums.js';

/** One step of a dossier's history as recorded through the hub: who moved it from which status to which, when. */
@Entity({ tableName: 'dossier_status_change' })
@Index({ properties: ['dossierId', 'at'] })
export class DossierStatusChange {
  @PrimaryKey({ type: 'string', length: 24 })
  id!: string;

  @Property({ type: 'string', length: 24 })
  dossierId!: string;

  /** Null for the reception itself. */
  @Enum({ items: () => DossierStatus, type: 'string', nullable: true })
  fromStatus?: DossierStatus | null;

  @Enum({ items: () => DossierStatus, type: 'string' })
  toStatus!: DossierStatus;

  /** When it happened (as the officer stated it). */
  @Property({ type: 'datetime' })
  at!: Date;

  /** The token subject of the officer who recorded it. */
  @Property({ type: 'string', length: 200 })
  recordedBy!: string;

  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
