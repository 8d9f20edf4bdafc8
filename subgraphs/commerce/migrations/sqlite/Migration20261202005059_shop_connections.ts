import { Migration } from '@mikro-orm/migrations';

export class Migration20261202005059_shop_connections extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`producer_member\` (\`id\` text not null, \`producer_id\` text not null, \`subject\` text not null, \`display_name\` text not null, \`added_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`producer_member_producer_id_subject_unique\` on \`producer_member\` (\`producer_id\`, \`subject\`);`);

    this.addSql(`create table \`shop_connection\` (\`id\` text not null, \`producer_id\` text not null, \`marketplace\` text not null, \`status\` text check (\`status\` in ('PENDING', 'CONNECTED', 'EXPIRED', 'REVOKED')) not null default 'PENDING', \`shop_id\` text null, \`access_token_sealed\` text null, \`refresh_token_sealed\` text null, \`access_expires_at\` datetime null, \`refresh_expires_at\` datetime null, \`generation\` integer not null default 0, \`auth_state_hash\` text null, \`auth_state_expires_at\` datetime null, \`last_error\` text null, \`connected_at\` datetime null, \`last_refreshed_at\` datetime null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`shop_connection_auth_state_hash_index\` on \`shop_connection\` (\`auth_state_hash\`);`);
    this.addSql(`create unique index \`shop_connection_producer_id_marketplace_unique\` on \`shop_connection\` (\`producer_id\`, \`marketplace\`);`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`producer_member\`;`);
    this.addSql(`drop table if exists \`shop_connection\`;`);
  }

}
