import { Migration } from '@mikro-orm/migrations';

export class Migration20261202043100_listing_drift_policy extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commerce"."listing" add column "drift_policy" text check ("drift_policy" in ('REASSERT', 'ADOPT')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "commerce"."listing" drop column "drift_policy";`);
  }

}
