import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { PostalDossierDirection } from './postal.rules.js';

/**
 * A dossier (owned by governance) received or returned through the public postal service at a
 * point (Decree 42/2022's postal channel). Only ids: the dossier's content stays in governance.
 */
@Entity({ tableName: 'postal_dossier_link' })
@Unique({ properties: ['dossierId', 'direction'] })
@Index({ properties: ['pointId', 'at'] })
export class PostalDossierLink {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 64 })
  pointId!: string;

  @Property({ type: 'string', length: 100 })
  dossierId!: string;

  @Enum({ items: () => PostalDossierDirection, type: 'string' })
  direction!: PostalDossierDirection;

  @Property({ type: 'datetime' })
  at!: Date;
}
