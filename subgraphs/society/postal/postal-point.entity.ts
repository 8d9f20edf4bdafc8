import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { PostalService } from './postal.rules.js';

/** A commune postal and telecom service point (điểm bưu điện văn hóa xã). */
@Entity({ tableName: 'postal_point' })
@Index({ properties: ['communeId'] })
export class PostalPoint {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 500 })
  address!: string;

  /** JSON array of PostalService values. */
  @Property({ type: 'json' })
  services!: PostalService[];

  /** Opening hours as the point posts them, e.g. "T2–T6 7:30–17:00; T7 7:30–11:30". */
  @Property({ type: 'string', length: 300 })
  openingHours!: string;
}
