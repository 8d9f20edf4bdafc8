import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { PortalCategory, PostStatus } from './portal.rules.js';

/** A post of a commune's web portal: the graph is the portal's headless CMS. */
@Entity({ tableName: 'portal_post' })
@Index({ properties: ['communeId', 'status', 'publishAt', 'id'] })
export class PortalPost {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Enum({ items: () => PortalCategory, type: 'string' })
  category!: PortalCategory;

  @Property({ type: 'string', length: 300 })
  title!: string;

  @Property({ type: 'string', length: 1000, nullable: true })
  summary?: string | null;

  @Property({ type: 'text' })
  body!: string;

  @Enum({ items: () => PostStatus, type: 'string' })
  status!: PostStatus;

  @Property({ type: 'datetime' })
  publishAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  expireAt?: Date | null;

  /** Token subject of the officer who drafted it. */
  @Property({ type: 'string', length: 200 })
  author!: string;

  /** Token subject of the chairperson who approved or rejected it. */
  @Property({ type: 'string', length: 200, nullable: true })
  reviewedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  reviewedAt?: Date | null;

  @Property({ type: 'string', length: 1000, nullable: true })
  rejectionReason?: string | null;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
