import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AlertSeverity } from './alert-enums.js';

/**
 * Something the internet information monitoring found about a commune (a post, an article), for its
 * officers to look at and handle. One alert per commune and URL.
 */
@Entity({ tableName: 'information_alert' })
@Unique({ properties: ['unitId', 'url'] })
@Index({ properties: ['unitId', 'detectedAt', 'id'] })
export class InformationAlert {
  @PrimaryKey({ type: 'string', length: 24 })
  id!: string;

  /** Commune.id. */
  @Property({ type: 'string', length: 16 })
  unitId!: string;

  /** Where it was found: a site, a page or a monitoring service's channel name. */
  @Property({ type: 'string', length: 200 })
  source!: string;

  @Property({ type: 'string', length: 2000 })
  url!: string;

  @Property({ type: 'datetime' })
  detectedAt!: Date;

  @Property({ type: 'string', length: 200 })
  topic!: string;

  @Property({ type: 'string', length: 500 })
  title!: string;

  @Enum({ items: () => AlertSeverity, type: 'string' })
  severity!: AlertSeverity;

  @Property({ type: 'datetime', nullable: true })
  handledAt?: Date | null;

  /** The token subject of the officer who handled it, or the importing system. */
  @Property({ type: 'string', length: 200, nullable: true })
  handledBy?: string | null;

  @Property({ type: 'text', nullable: true })
  handlingNote?: string | null;
}
