import { Migration } from '@mikro-orm/migrations';

export class Migration20261202011225 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commerce"."reconciliation_period" ("id" varchar(36) not null, "provider" varchar(32) not null, "period_label" varchar(10) not null, "period_start" date not null, "period_end" date not null, "closed" boolean not null, "closed_at" timestamptz not null, "closed_by" varchar(200) not null, constraint "reconciliation_period_pkey" primary key ("id"));`);
    this.addSql(`alter table "commerce"."reconciliation_period" add constraint "reconciliation_period_provider_period_label_unique" unique ("provider", "period_label");`);

    this.addSql(`create table "commerce"."reconciliation_period_event" ("id" serial primary key, "period_id" varchar(36) not null, "action" text check ("action" in ('CLOSE', 'REOPEN')) not null, "actor" varchar(200) not null, "at" timestamptz not null, "reason" text not null);`);
    this.addSql(`create index "reconciliation_period_event_period_id_at_index" on "commerce"."reconciliation_period_event" ("period_id", "at");`);

    this.addSql(`alter table "commerce"."reconciliation_item" add column "resolution_category" varchar(32) null, add column "carried_from_item_id" int null, add column "settled_by_item_id" int null, add column "settled_by_run_id" varchar(36) null;`);

    this.addSql(`alter table "commerce"."reconciliation_resolution" add column "action" text check ("action" in ('RESOLVE', 'REOPEN')) not null default 'RESOLVE', add column "category" text check ("category" in ('PAID_OUTSIDE_STATEMENT', 'REFUNDED', 'PROVIDER_ERROR', 'LEDGER_CORRECTED', 'ACCEPTED', 'WRITE_OFF', 'OTHER')) null, add column "status" text check ("status" in ('EFFECTIVE', 'PENDING_APPROVAL', 'WITHDRAWN')) not null default 'EFFECTIVE', add column "amount_vnd" bigint null, add column "approved_by" varchar(200) null, add column "approved_at" timestamptz null, add column "carried_from_run_id" varchar(36) null;`);

    this.addSql(`alter table "commerce"."reconciliation_run" add column "version" int not null default 1, add column "current_key" varchar(48) null, add column "supersedes_run_id" varchar(36) null, add column "superseded_by_run_id" varchar(36) null, add column "superseded_at" timestamptz null;`);
    this.addSql(`alter table "commerce"."reconciliation_run" add constraint "reconciliation_run_current_key_unique" unique ("current_key");`);
    // Runs from before versions: the newest of each provider and period is the current one.
    this.addSql(`update "commerce"."reconciliation_run" r set "current_key" = r."provider" || '|' || r."period_label" where not exists (select 1 from "commerce"."reconciliation_run" o where o."provider" = r."provider" and o."period_label" = r."period_label" and (o."imported_at" > r."imported_at" or (o."imported_at" = r."imported_at" and o."id" > r."id")));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce"."reconciliation_period" cascade;`);

    this.addSql(`drop table if exists "commerce"."reconciliation_period_event" cascade;`);

    this.addSql(`alter table "commerce"."reconciliation_item" drop column "resolution_category", drop column "carried_from_item_id", drop column "settled_by_item_id", drop column "settled_by_run_id";`);

    this.addSql(`alter table "commerce"."reconciliation_resolution" drop column "action", drop column "category", drop column "status", drop column "amount_vnd", drop column "approved_by", drop column "approved_at", drop column "carried_from_run_id";`);

    this.addSql(`alter table "commerce"."reconciliation_run" drop constraint "reconciliation_run_current_key_unique";`);
    this.addSql(`alter table "commerce"."reconciliation_run" drop column "version", drop column "current_key", drop column "supersedes_run_id", drop column "superseded_by_run_id", drop column "superseded_at";`);
  }

}
