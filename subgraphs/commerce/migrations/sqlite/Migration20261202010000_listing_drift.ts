import { Migration } from '@mikro-orm/migrations';

// Written by hand (MikroORM 6.6's generator rebuilds unchanged tables on SQLite): the drift audit's
// columns and table, and DRIFTED in the listing status check, which on SQLite means rebuilding the
// listing table with every column it has.
export class Migration20261202010000_listing_drift extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`listing__temp_alter\` (\`id\` text not null, \`product_id\` text not null, \`marketplace\` text not null, \`status\` text check (\`status\` in ('DRAFT', 'PENDING_SYNC', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'DELISTED', 'FAILED', 'DRIFTED')) not null default 'DRAFT', \`intent\` text check (\`intent\` in ('PUBLISHED', 'DELISTED')) not null default 'PUBLISHED', \`external_id\` text null, \`external_url\` text null, \`remote_status\` text null, \`create_sent_at\` datetime null, \`sent_version\` integer not null default 0, \`sent_content_version\` integer not null default 0, \`synced_version\` integer not null default 0, \`synced_content_version\` integer not null default 0, \`rejection_reason\` text null, \`duplicates_delisted\` integer not null default 0, \`last_error\` text null, \`last_synced_at\` datetime null, \`attempts\` integer not null default 0, \`last_attempt_at\` datetime null, \`next_attempt_at\` datetime null, \`last_audited_at\` datetime null, \`audit_requested_at\` datetime null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`listing__temp_alter\` (\`id\`, \`product_id\`, \`marketplace\`, \`status\`, \`intent\`, \`external_id\`, \`external_url\`, \`remote_status\`, \`create_sent_at\`, \`sent_version\`, \`sent_content_version\`, \`synced_version\`, \`synced_content_version\`, \`rejection_reason\`, \`duplicates_delisted\`, \`last_error\`, \`last_synced_at\`, \`attempts\`, \`last_attempt_at\`, \`next_attempt_at\`, \`updated_at\`) select \`id\`, \`product_id\`, \`marketplace\`, \`status\`, \`intent\`, \`external_id\`, \`external_url\`, \`remote_status\`, \`create_sent_at\`, \`sent_version\`, \`sent_content_version\`, \`synced_version\`, \`synced_content_version\`, \`rejection_reason\`, \`duplicates_delisted\`, \`last_error\`, \`last_synced_at\`, \`attempts\`, \`last_attempt_at\`, \`next_attempt_at\`, \`updated_at\` from \`listing\`;`);
    this.addSql(`drop table \`listing\`;`);
    this.addSql(`alter table \`listing__temp_alter\` rename to \`listing\`;`);
    this.addSql(`create index \`listing_marketplace_status_index\` on \`listing\` (\`marketplace\`, \`status\`);`);
    this.addSql(`create unique index \`listing_product_id_marketplace_unique\` on \`listing\` (\`product_id\`, \`marketplace\`);`);
    this.addSql(`create table \`listing_drift\` (\`id\` integer not null primary key autoincrement, \`listing_id\` text not null, \`field\` text check (\`field\` in ('PRICE', 'STOCK', 'NAME', 'STATUS', 'DUPLICATE')) not null, \`hub_value\` text not null, \`marketplace_value\` text not null, \`detected_at\` datetime not null, \`resolution\` text check (\`resolution\` in ('REASSERTED', 'ADOPTED', 'DUPLICATE_DELISTED')) null, \`resolved_at\` datetime null);`);
    this.addSql(`create index \`listing_drift_listing_id_detected_at_index\` on \`listing_drift\` (\`listing_id\`, \`detected_at\`);`);
  }

}
