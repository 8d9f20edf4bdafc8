import { Migration } from '@mikro-orm/migrations';

export class Migration20261202012834_field_report_address_key extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "society"."field_report" add column "address_key" varchar(64) null;`);
    this.addSql(`create index "field_report_address_key_received_at_index" on "society"."field_report" ("address_key", "received_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "society"."field_report_address_key_received_at_index";`);
    this.addSql(`alter table "society"."field_report" drop column "address_key";`);
  }

}
