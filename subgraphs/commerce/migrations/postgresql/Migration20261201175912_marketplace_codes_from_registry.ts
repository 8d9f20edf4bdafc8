import { Migration } from '@mikro-orm/migrations';

export class Migration20261201175912_marketplace_codes_from_registry extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commerce"."listing" drop constraint if exists "listing_marketplace_check";`);

    this.addSql(`alter table "commerce"."marketplace_order" drop constraint if exists "marketplace_order_marketplace_check";`);

    this.addSql(`alter table "commerce"."sync_job" drop constraint if exists "sync_job_marketplace_check";`);

    this.addSql(`alter table "commerce"."listing" alter column "marketplace" type varchar(20) using ("marketplace"::varchar(20));`);

    this.addSql(`alter table "commerce"."marketplace_order" alter column "marketplace" type varchar(20) using ("marketplace"::varchar(20));`);

    this.addSql(`alter table "commerce"."sync_job" alter column "marketplace" type varchar(20) using ("marketplace"::varchar(20));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "commerce"."listing" alter column "marketplace" type text using ("marketplace"::text);`);
    this.addSql(`alter table "commerce"."listing" add constraint "listing_marketplace_check" check("marketplace" in ('VOSO', 'POSTMART'));`);

    this.addSql(`alter table "commerce"."marketplace_order" alter column "marketplace" type text using ("marketplace"::text);`);
    this.addSql(`alter table "commerce"."marketplace_order" add constraint "marketplace_order_marketplace_check" check("marketplace" in ('VOSO', 'POSTMART'));`);

    this.addSql(`alter table "commerce"."sync_job" alter column "marketplace" type text using ("marketplace"::text);`);
    this.addSql(`alter table "commerce"."sync_job" add constraint "sync_job_marketplace_check" check("marketplace" in ('VOSO', 'POSTMART'));`);
  }

}
