import { Migration } from '@mikro-orm/migrations';

export class Migration20261201215851 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commerce"."reconciliation_run" add column "content_sha256" varchar(64) null;`);
    this.addSql(`alter table "commerce"."reconciliation_run" add constraint "reconciliation_run_provider_content_sha256_unique" unique ("provider", "content_sha256");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "commerce"."reconciliation_run" drop constraint "reconciliation_run_provider_content_sha256_unique";`);
    this.addSql(`alter table "commerce"."reconciliation_run" drop column "content_sha256";`);
  }

}
