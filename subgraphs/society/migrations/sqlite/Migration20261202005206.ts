import { Migration } from '@mikro-orm/migrations';

export class Migration20261202005206 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`announcement\` (\`id\` text not null, \`commune_id\` text not null, \`title\` text not null, \`body\` text not null, \`audience_kind\` text check (\`audience_kind\` in ('EVERYONE', 'VILLAGES', 'GROUPS')) not null, \`audience\` json not null, \`emergency\` integer not null, \`status\` text check (\`status\` in ('DRAFT', 'SENT')) not null, \`created_by\` text not null, \`created_at\` datetime not null, \`sent_by\` text null, \`sent_at\` datetime null, \`recipients\` integer not null default 0, \`radio_status\` text check (\`radio_status\` in ('NONE', 'QUEUED', 'SCHEDULED', 'FAILED', 'UNKNOWN')) not null default 'NONE', \`radio_attempts\` integer not null default 0, \`radio_run_after\` bigint null, \`radio_locked_until\` bigint null, \`radio_broadcast_id\` text null, \`radio_last_error\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`announcement_radio_status_radio_run_after_index\` on \`announcement\` (\`radio_status\`, \`radio_run_after\`);`);
    this.addSql(`create index \`announcement_commune_id_created_at_index\` on \`announcement\` (\`commune_id\`, \`created_at\`);`);

    this.addSql(`create table \`announcement_delivery\` (\`id\` text not null, \`announcement_id\` text not null, \`subscriber_id\` text not null, \`channel\` text check (\`channel\` in ('SMS', 'ZALO')) not null, \`client_message_id\` text not null, \`status\` text check (\`status\` in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'CANCELLED')) not null, \`attempts\` integer not null default 0, \`report_checks\` integer not null default 0, \`run_after\` bigint not null, \`locked_by\` text null, \`locked_until\` bigint null, \`last_error\` text null, \`provider_message_id\` text null, \`sent_at\` datetime null, \`delivered_at\` datetime null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`announcement_delivery_client_message_id_unique\` on \`announcement_delivery\` (\`client_message_id\`);`);
    this.addSql(`create index \`announcement_delivery_status_run_after_index\` on \`announcement_delivery\` (\`status\`, \`run_after\`);`);
    this.addSql(`create unique index \`announcement_delivery_announcement_id_subscriber_id_unique\` on \`announcement_delivery\` (\`announcement_id\`, \`subscriber_id\`);`);

    this.addSql(`create table \`announcement_subscriber\` (\`id\` text not null, \`commune_id\` text not null, \`phone\` text not null, \`village\` text null, \`village_key\` text null, \`groups\` json not null, \`channel\` text check (\`channel\` in ('SMS', 'ZALO')) not null, \`status\` text check (\`status\` in ('SUBSCRIBED', 'OPTED_OUT')) not null, \`consent_at\` datetime not null, \`consent_channel\` text check (\`consent_channel\` in ('IN_PERSON', 'PORTAL', 'SMS', 'ZALO', 'OPT_OUT_CODE')) not null, \`opted_out_at\` datetime null, \`opt_out_channel\` text check (\`opt_out_channel\` in ('IN_PERSON', 'PORTAL', 'SMS', 'ZALO', 'OPT_OUT_CODE')) null, \`opt_out_code\` text not null, \`recorded_by\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`announcement_subscriber_opt_out_code_unique\` on \`announcement_subscriber\` (\`opt_out_code\`);`);
    this.addSql(`create index \`announcement_subscriber_commune_id_status_index\` on \`announcement_subscriber\` (\`commune_id\`, \`status\`);`);
    this.addSql(`create unique index \`announcement_subscriber_commune_id_phone_unique\` on \`announcement_subscriber\` (\`commune_id\`, \`phone\`);`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`announcement\`;`);
    this.addSql(`drop table if exists \`announcement_delivery\`;`);
    this.addSql(`drop table if exists \`announcement_subscriber\`;`);
  }

}
