import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Where the order feed of one marketplace was read up to. */
@Entity({ tableName: 'order_feed_cursor' })
export class OrderFeedCursor {
  @PrimaryKey({ type: 'string', length: 20 })
  marketplace!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  cursor?: string | null;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
