import { Migration } from '@mikro-orm/migrations';

export class Migration20261202050000_shop_order_cursor extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commerce"."shop_connection" add column "order_cursor" varchar(500) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "commerce"."shop_connection" drop column "order_cursor";`);
  }

}
