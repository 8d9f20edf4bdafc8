import { Migration } from '@mikro-orm/migrations';

export class Migration20261127063551 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "commerce";`);
    this.addSql(`create table "commerce"."expected_payment" ("id" varchar(64) not null, "provider" varchar(32) not null, "reference" varchar(100) not null, "amount_vnd" bigint not null, "expected_at" timestamptz not null, "payer" varchar(100) null, "producer_id" varchar(64) not null, constraint "expected_payment_pkey" primary key ("id"));`);
    this.addSql(`create index "expected_payment_provider_reference_index" on "commerce"."expected_payment" ("provider", "reference");`);
    this.addSql(`create index "expected_payment_provider_expected_at_index" on "commerce"."expected_payment" ("provider", "expected_at");`);

    this.addSql(`create table "commerce"."listing" ("id" varchar(40) not null, "product_id" varchar(40) not null, "marketplace" text check ("marketplace" in ('VOSO', 'POSTMART')) not null, "status" text check ("status" in ('DRAFT', 'PENDING_SYNC', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'DELISTED', 'FAILED')) not null default 'DRAFT', "intent" text check ("intent" in ('PUBLISHED', 'DELISTED')) not null default 'PUBLISHED', "external_id" varchar(100) null, "external_url" varchar(500) null, "remote_status" varchar(20) null, "create_sent_at" timestamptz null, "sent_version" int not null default 0, "sent_content_version" int not null default 0, "synced_version" int not null default 0, "synced_content_version" int not null default 0, "rejection_reason" varchar(1000) null, "last_error" varchar(1000) null, "last_synced_at" timestamptz null, "updated_at" timestamptz not null, constraint "listing_pkey" primary key ("id"));`);
    this.addSql(`create index "listing_marketplace_status_index" on "commerce"."listing" ("marketplace", "status");`);
    this.addSql(`alter table "commerce"."listing" add constraint "listing_product_id_marketplace_unique" unique ("product_id", "marketplace");`);

    this.addSql(`create table "commerce"."marketplace_order" ("id" varchar(40) not null, "marketplace" text check ("marketplace" in ('VOSO', 'POSTMART')) not null, "external_order_id" varchar(100) not null, "status" text check ("status" in ('PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED')) not null, "total_vnd" bigint not null, "shipping_fee_vnd" bigint not null, "buyer_name_masked" varchar(200) not null, "buyer_phone_masked" varchar(30) not null, "placed_at" timestamptz not null, "remote_updated_at" timestamptz not null, "stock_taken" boolean not null default false, "pulled_at" timestamptz not null, constraint "marketplace_order_pkey" primary key ("id"));`);
    this.addSql(`create index "marketplace_order_placed_at_id_index" on "commerce"."marketplace_order" ("placed_at", "id");`);
    this.addSql(`alter table "commerce"."marketplace_order" add constraint "marketplace_order_marketplace_external_order_id_unique" unique ("marketplace", "external_order_id");`);

    this.addSql(`create table "commerce"."marketplace_order_line" ("order_id" varchar(40) not null, "line_no" int not null, "seller_sku" varchar(64) not null, "product_id" varchar(40) null, "quantity" int not null, "unit_price_vnd" bigint not null, constraint "marketplace_order_line_pkey" primary key ("order_id", "line_no"));`);
    this.addSql(`create index "marketplace_order_line_product_id_index" on "commerce"."marketplace_order_line" ("product_id");`);

    this.addSql(`create table "commerce"."order_feed_cursor" ("marketplace" varchar(20) not null, "cursor" varchar(500) null, "updated_at" timestamptz not null, constraint "order_feed_cursor_pkey" primary key ("marketplace"));`);

    this.addSql(`create table "commerce"."producer" ("id" varchar(40) not null, "kind" text check ("kind" in ('HOUSEHOLD', 'COOPERATIVE')) not null, "name" varchar(200) not null, "name_search" varchar(200) not null, "commune_id" varchar(16) not null, "contact_name" varchar(200) null, "contact_phone" varchar(20) null, "marketplaces" jsonb not null, "created_at" timestamptz not null, constraint "producer_pkey" primary key ("id"));`);
    this.addSql(`create index "producer_commune_id_name_search_id_index" on "commerce"."producer" ("commune_id", "name_search", "id");`);

    this.addSql(`create table "commerce"."product" ("id" varchar(40) not null, "producer_id" varchar(40) not null, "commune_id" varchar(16) not null, "seller_sku" varchar(64) not null, "name" varchar(200) not null, "name_search" varchar(200) not null, "description" text not null default '', "category" varchar(40) not null, "unit" varchar(40) not null, "net_weight_grams" int null, "price_vnd" bigint not null, "stock" int not null, "images" jsonb not null, "vietgap_number" varchar(60) null, "vietgap_expires_on" date null, "ocop_stars" int null, "version" int not null default 1, "content_version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "product_pkey" primary key ("id"));`);
    this.addSql(`alter table "commerce"."product" add constraint "product_seller_sku_unique" unique ("seller_sku");`);
    this.addSql(`create index "product_producer_id_index" on "commerce"."product" ("producer_id");`);
    this.addSql(`create index "product_commune_id_name_search_id_index" on "commerce"."product" ("commune_id", "name_search", "id");`);
    this.addSql(`create index "product_name_search_id_index" on "commerce"."product" ("name_search", "id");`);

    this.addSql(`create table "commerce"."reconciliation_item" ("id" serial primary key, "run_id" varchar(36) not null, "seq" int not null, "outcome" text check ("outcome" in ('MATCHED', 'AMOUNT_MISMATCH', 'MISSING_IN_STATEMENT', 'MISSING_IN_LEDGER', 'DUPLICATE')) not null, "rule" text check ("rule" in ('DUPLICATE_TRANSACTION', 'REVERSED', 'ORPHAN_REVERSAL', 'REFERENCE', 'SPLIT_PAYMENTS', 'COMBINED_PAYMENT', 'DUPLICATE_PAYMENT', 'AMOUNT_TIME', 'UNPAIRED')) not null, "references_json" text not null, "transaction_ids_json" text not null, "lines_json" text not null, "expected_payment_ids_json" text not null, "producer_key" varchar(500) not null, "payer" varchar(100) null, "paid_vnd" bigint not null, "reversed_vnd" bigint not null, "fee_vnd" bigint not null, "expected_vnd" bigint not null, "paid_at" timestamptz null, "expected_at" timestamptz null, "resolved_at" timestamptz null, "resolved_by" varchar(200) null);`);
    this.addSql(`create index "reconciliation_item_run_id_outcome_seq_index" on "commerce"."reconciliation_item" ("run_id", "outcome", "seq");`);
    this.addSql(`alter table "commerce"."reconciliation_item" add constraint "reconciliation_item_run_id_seq_unique" unique ("run_id", "seq");`);

    this.addSql(`create table "commerce"."reconciliation_resolution" ("id" serial primary key, "item_id" int not null, "note" text not null, "resolved_by" varchar(200) not null, "resolved_at" timestamptz not null);`);
    this.addSql(`create index "reconciliation_resolution_item_id_resolved_at_index" on "commerce"."reconciliation_resolution" ("item_id", "resolved_at");`);

    this.addSql(`create table "commerce"."reconciliation_run" ("id" varchar(36) not null, "provider" varchar(32) not null, "period_start" date not null, "period_end" date not null, "period_label" varchar(10) not null, "file_name" varchar(300) not null, "file_sha256" varchar(64) not null, "imported_at" timestamptz not null, "imported_by" varchar(200) not null, "ledger_source" varchar(64) not null, "tolerance_minutes" int not null, "statement_rows" int not null, "ignored_rows" int not null, "statement_gross_vnd" bigint not null, "reversed_vnd" bigint not null, "statement_fee_vnd" bigint not null, "expected_vnd" bigint not null, "matched_vnd" bigint not null, "matched_count" int not null, "amount_mismatch_count" int not null, "missing_in_statement_count" int not null, "missing_in_ledger_count" int not null, "duplicate_count" int not null, constraint "reconciliation_run_pkey" primary key ("id"));`);
    this.addSql(`create index "reconciliation_run_provider_period_start_index" on "commerce"."reconciliation_run" ("provider", "period_start");`);
    this.addSql(`alter table "commerce"."reconciliation_run" add constraint "reconciliation_run_provider_file_sha256_unique" unique ("provider", "file_sha256");`);

    this.addSql(`create table "commerce"."sync_job" ("id" serial primary key, "listing_id" varchar(40) not null, "marketplace" text check ("marketplace" in ('VOSO', 'POSTMART')) not null, "reason" varchar(20) not null, "target_version" int not null, "coalesced" int not null default 0, "status" text check ("status" in ('PENDING', 'RUNNING', 'DONE', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "claims" int not null default 0, "run_after" bigint not null, "locked_by" varchar(100) null, "locked_until" bigint null, "last_error" varchar(1000) null, "created_at" timestamptz not null, "finished_at" timestamptz null);`);
    this.addSql(`create index "sync_job_listing_id_status_index" on "commerce"."sync_job" ("listing_id", "status");`);
    this.addSql(`create index "sync_job_status_run_after_index" on "commerce"."sync_job" ("status", "run_after");`);

    this.addSql(`create table "commerce"."sync_worker_lease" ("name" varchar(40) not null, "holder" varchar(100) not null, "expires_at" bigint not null, constraint "sync_worker_lease_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce"."expected_payment" cascade;`);

    this.addSql(`drop table if exists "commerce"."listing" cascade;`);

    this.addSql(`drop table if exists "commerce"."marketplace_order" cascade;`);

    this.addSql(`drop table if exists "commerce"."marketplace_order_line" cascade;`);

    this.addSql(`drop table if exists "commerce"."order_feed_cursor" cascade;`);

    this.addSql(`drop table if exists "commerce"."producer" cascade;`);

    this.addSql(`drop table if exists "commerce"."product" cascade;`);

    this.addSql(`drop table if exists "commerce"."reconciliation_item" cascade;`);

    this.addSql(`drop table if exists "commerce"."reconciliation_resolution" cascade;`);

    this.addSql(`drop table if exists "commerce"."reconciliation_run" cascade;`);

    this.addSql(`drop table if exists "commerce"."sync_job" cascade;`);

    this.addSql(`drop table if exists "commerce"."sync_worker_lease" cascade;`);

    this.addSql(`drop schema if exists "commerce";`);
  }

}
