import { Migration } from '@mikro-orm/migrations';

export class Migration20261127063551 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`expected_payment\` (\`id\` text not null, \`provider\` text not null, \`reference\` text not null, \`amount_vnd\` bigint not null, \`expected_at\` datetime not null, \`payer\` text null, \`producer_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`expected_payment_provider_reference_index\` on \`expected_payment\` (\`provider\`, \`reference\`);`);
    this.addSql(`create index \`expected_payment_provider_expected_at_index\` on \`expected_payment\` (\`provider\`, \`expected_at\`);`);

    this.addSql(`create table \`listing\` (\`id\` text not null, \`product_id\` text not null, \`marketplace\` text check (\`marketplace\` in ('VOSO', 'POSTMART')) not null, \`status\` text check (\`status\` in ('DRAFT', 'PENDING_SYNC', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'DELISTED', 'FAILED')) not null default 'DRAFT', \`intent\` text check (\`intent\` in ('PUBLISHED', 'DELISTED')) not null default 'PUBLISHED', \`external_id\` text null, \`external_url\` text null, \`remote_status\` text null, \`create_sent_at\` datetime null, \`sent_version\` integer not null default 0, \`sent_content_version\` integer not null default 0, \`synced_version\` integer not null default 0, \`synced_content_version\` integer not null default 0, \`rejection_reason\` text null, \`last_error\` text null, \`last_synced_at\` datetime null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`listing_marketplace_status_index\` on \`listing\` (\`marketplace\`, \`status\`);`);
    this.addSql(`create unique index \`listing_product_id_marketplace_unique\` on \`listing\` (\`product_id\`, \`marketplace\`);`);

    this.addSql(`create table \`marketplace_order\` (\`id\` text not null, \`marketplace\` text check (\`marketplace\` in ('VOSO', 'POSTMART')) not null, \`external_order_id\` text not null, \`status\` text check (\`status\` in ('PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED')) not null, \`total_vnd\` bigint not null, \`shipping_fee_vnd\` bigint not null, \`buyer_name_masked\` text not null, \`buyer_phone_masked\` text not null, \`placed_at\` datetime not null, \`remote_updated_at\` datetime not null, \`stock_taken\` integer not null default false, \`pulled_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`marketplace_order_placed_at_id_index\` on \`marketplace_order\` (\`placed_at\`, \`id\`);`);
    this.addSql(`create unique index \`marketplace_order_marketplace_external_order_id_unique\` on \`marketplace_order\` (\`marketplace\`, \`external_order_id\`);`);

    this.addSql(`create table \`marketplace_order_line\` (\`order_id\` text not null, \`line_no\` integer not null, \`seller_sku\` text not null, \`product_id\` text null, \`quantity\` integer not null, \`unit_price_vnd\` bigint not null, primary key (\`order_id\`, \`line_no\`));`);
    this.addSql(`create index \`marketplace_order_line_product_id_index\` on \`marketplace_order_line\` (\`product_id\`);`);

    this.addSql(`create table \`order_feed_cursor\` (\`marketplace\` text not null, \`cursor\` text null, \`updated_at\` datetime not null, primary key (\`marketplace\`));`);

    this.addSql(`create table \`producer\` (\`id\` text not null, \`kind\` text check (\`kind\` in ('HOUSEHOLD', 'COOPERATIVE')) not null, \`name\` text not null, \`name_search\` text not null, \`commune_id\` text not null, \`contact_name\` text null, \`contact_phone\` text null, \`marketplaces\` json not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`producer_commune_id_name_search_id_index\` on \`producer\` (\`commune_id\`, \`name_search\`, \`id\`);`);

    this.addSql(`create table \`product\` (\`id\` text not null, \`producer_id\` text not null, \`commune_id\` text not null, \`seller_sku\` text not null, \`name\` text not null, \`name_search\` text not null, \`description\` text not null default '', \`category\` text not null, \`unit\` text not null, \`net_weight_grams\` integer null, \`price_vnd\` bigint not null, \`stock\` integer not null, \`images\` json not null, \`vietgap_number\` text null, \`vietgap_expires_on\` date null, \`ocop_stars\` integer null, \`version\` integer not null default 1, \`content_version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`product_seller_sku_unique\` on \`product\` (\`seller_sku\`);`);
    this.addSql(`create index \`product_producer_id_index\` on \`product\` (\`producer_id\`);`);
    this.addSql(`create index \`product_commune_id_name_search_id_index\` on \`product\` (\`commune_id\`, \`name_search\`, \`id\`);`);
    this.addSql(`create index \`product_name_search_id_index\` on \`product\` (\`name_search\`, \`id\`);`);

    this.addSql(`create table \`reconciliation_item\` (\`id\` integer not null primary key autoincrement, \`run_id\` text not null, \`seq\` integer not null, \`outcome\` text check (\`outcome\` in ('MATCHED', 'AMOUNT_MISMATCH', 'MISSING_IN_STATEMENT', 'MISSING_IN_LEDGER', 'DUPLICATE')) not null, \`rule\` text check (\`rule\` in ('DUPLICATE_TRANSACTION', 'REVERSED', 'ORPHAN_REVERSAL', 'REFERENCE', 'SPLIT_PAYMENTS', 'COMBINED_PAYMENT', 'DUPLICATE_PAYMENT', 'AMOUNT_TIME', 'UNPAIRED')) not null, \`references_json\` text not null, \`transaction_ids_json\` text not null, \`lines_json\` text not null, \`expected_payment_ids_json\` text not null, \`producer_key\` text not null, \`payer\` text null, \`paid_vnd\` bigint not null, \`reversed_vnd\` bigint not null, \`fee_vnd\` bigint not null, \`expected_vnd\` bigint not null, \`paid_at\` datetime null, \`expected_at\` datetime null, \`resolved_at\` datetime null, \`resolved_by\` text null);`);
    this.addSql(`create index \`reconciliation_item_run_id_outcome_seq_index\` on \`reconciliation_item\` (\`run_id\`, \`outcome\`, \`seq\`);`);
    this.addSql(`create unique index \`reconciliation_item_run_id_seq_unique\` on \`reconciliation_item\` (\`run_id\`, \`seq\`);`);

    this.addSql(`create table \`reconciliation_resolution\` (\`id\` integer not null primary key autoincrement, \`item_id\` integer not null, \`note\` text not null, \`resolved_by\` text not null, \`resolved_at\` datetime not null);`);
    this.addSql(`create index \`reconciliation_resolution_item_id_resolved_at_index\` on \`reconciliation_resolution\` (\`item_id\`, \`resolved_at\`);`);

    this.addSql(`create table \`reconciliation_run\` (\`id\` text not null, \`provider\` text not null, \`period_start\` date not null, \`period_end\` date not null, \`period_label\` text not null, \`file_name\` text not null, \`file_sha256\` text not null, \`imported_at\` datetime not null, \`imported_by\` text not null, \`ledger_source\` text not null, \`tolerance_minutes\` integer not null, \`statement_rows\` integer not null, \`ignored_rows\` integer not null, \`statement_gross_vnd\` bigint not null, \`reversed_vnd\` bigint not null, \`statement_fee_vnd\` bigint not null, \`expected_vnd\` bigint not null, \`matched_vnd\` bigint not null, \`matched_count\` integer not null, \`amount_mismatch_count\` integer not null, \`missing_in_statement_count\` integer not null, \`missing_in_ledger_count\` integer not null, \`duplicate_count\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`reconciliation_run_provider_period_start_index\` on \`reconciliation_run\` (\`provider\`, \`period_start\`);`);
    this.addSql(`create unique index \`reconciliation_run_provider_file_sha256_unique\` on \`reconciliation_run\` (\`provider\`, \`file_sha256\`);`);

    this.addSql(`create table \`sync_job\` (\`id\` integer not null primary key autoincrement, \`listing_id\` text not null, \`marketplace\` text check (\`marketplace\` in ('VOSO', 'POSTMART')) not null, \`reason\` text not null, \`target_version\` integer not null, \`coalesced\` integer not null default 0, \`status\` text check (\`status\` in ('PENDING', 'RUNNING', 'DONE', 'FAILED')) not null default 'PENDING', \`attempts\` integer not null default 0, \`claims\` integer not null default 0, \`run_after\` bigint not null, \`locked_by\` text null, \`locked_until\` bigint null, \`last_error\` text null, \`created_at\` datetime not null, \`finished_at\` datetime null);`);
    this.addSql(`create index \`sync_job_listing_id_status_index\` on \`sync_job\` (\`listing_id\`, \`status\`);`);
    this.addSql(`create index \`sync_job_status_run_after_index\` on \`sync_job\` (\`status\`, \`run_after\`);`);

    this.addSql(`create table \`sync_worker_lease\` (\`name\` text not null, \`holder\` text not null, \`expires_at\` bigint not null, primary key (\`name\`));`);
  }

}
