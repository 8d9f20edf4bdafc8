import { Migration } from '@mikro-orm/migrations';

// Written by hand: the drift audit's columns and table, and DRIFTED in the listing status check.
export class Migration20261202010000_listing_drift extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commerce"."listing" drop constraint if exists "listing_status_check";`);
    this.addSql(`alter table "commerce"."listing" add constraint "listing_status_check" check("status" in ('DRAFT', 'PENDING_SYNC', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'DELISTED', 'FAILED', 'DRIFTED'));`);
    this.addSql(`alter table "commerce"."listing" add column "last_audited_at" timestamptz null, add column "audit_requested_at" timestamptz null;`);
    this.addSql(`create table "commerce"."listing_drift" ("id" serial primary key, "listing_id" varchar(40) not null, "field" text check ("field" in ('PRICE', 'STOCK', 'NAME', 'STATUS', 'DUPLICATE')) not null, "hub_value" varchar(200) not null, "marketplace_value" varchar(200) not null, "detected_at" timestamptz not null, "resolution" text check ("resolution" in ('REASSERTED', 'ADOPTED', 'DUPLICATE_DELISTED')) null, "resolved_at" timestamptz null);`);
    this.addSql(`create index "listing_drift_listing_id_detected_at_index" on "commerce"."listing_drift" ("listing_id", "detected_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce"."listing_drift" cascade;`);
    this.addSql(`alter table "commerce"."listing" drop column "last_audited_at", drop column "audit_requested_at";`);
  }

}
