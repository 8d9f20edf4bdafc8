import { Migration } from '@mikro-orm/migrations';

export class Migration20261202005209 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "society"."announcement" ("id" varchar(64) not null, "commune_id" varchar(16) not null, "title" varchar(120) not null, "body" text not null, "audience_kind" text check ("audience_kind" in ('EVERYONE', 'VILLAGES', 'GROUPS')) not null, "audience" jsonb not null, "emergency" boolean not null, "status" text check ("status" in ('DRAFT', 'SENT')) not null, "created_by" varchar(200) not null, "created_at" timestamptz not null, "sent_by" varchar(200) null, "sent_at" timestamptz null, "recipients" int not null default 0, "radio_status" text check ("radio_status" in ('NONE', 'QUEUED', 'SCHEDULED', 'FAILED', 'UNKNOWN')) not null default 'NONE', "radio_attempts" int not null default 0, "radio_run_after" bigint null, "radio_locked_until" bigint null, "radio_broadcast_id" varchar(64) null, "radio_last_error" varchar(500) null, constraint "announcement_pkey" primary key ("id"));`);
    this.addSql(`create index "announcement_radio_status_radio_run_after_index" on "society"."announcement" ("radio_status", "radio_run_after");`);
    this.addSql(`create index "announcement_commune_id_created_at_index" on "society"."announcement" ("commune_id", "created_at");`);

    this.addSql(`create table "society"."announcement_delivery" ("id" varchar(64) not null, "announcement_id" varchar(64) not null, "subscriber_id" varchar(64) not null, "channel" text check ("channel" in ('SMS', 'ZALO')) not null, "client_message_id" varchar(64) not null, "status" text check ("status" in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'CANCELLED')) not null, "attempts" int not null default 0, "report_checks" int not null default 0, "run_after" bigint not null, "locked_by" varchar(100) null, "locked_until" bigint null, "last_error" varchar(500) null, "provider_message_id" varchar(100) null, "sent_at" timestamptz null, "delivered_at" timestamptz null, "updated_at" timestamptz not null, constraint "announcement_delivery_pkey" primary key ("id"));`);
    this.addSql(`alter table "society"."announcement_delivery" add constraint "announcement_delivery_client_message_id_unique" unique ("client_message_id");`);
    this.addSql(`create index "announcement_delivery_status_run_after_index" on "society"."announcement_delivery" ("status", "run_after");`);
    this.addSql(`alter table "society"."announcement_delivery" add constraint "announcement_delivery_announcement_id_subscriber_id_unique" unique ("announcement_id", "subscriber_id");`);

    this.addSql(`create table "society"."announcement_subscriber" ("id" varchar(64) not null, "commune_id" varchar(16) not null, "phone" varchar(20) not null, "village" varchar(100) null, "village_key" varchar(100) null, "groups" jsonb not null, "channel" text check ("channel" in ('SMS', 'ZALO')) not null, "status" text check ("status" in ('SUBSCRIBED', 'OPTED_OUT')) not null, "consent_at" timestamptz not null, "consent_channel" text check ("consent_channel" in ('IN_PERSON', 'PORTAL', 'SMS', 'ZALO', 'OPT_OUT_CODE')) not null, "opted_out_at" timestamptz null, "opt_out_channel" text check ("opt_out_channel" in ('IN_PERSON', 'PORTAL', 'SMS', 'ZALO', 'OPT_OUT_CODE')) null, "opt_out_code" varchar(16) not null, "recorded_by" varchar(200) not null, "created_at" timestamptz not null, constraint "announcement_subscriber_pkey" primary key ("id"));`);
    this.addSql(`alter table "society"."announcement_subscriber" add constraint "announcement_subscriber_opt_out_code_unique" unique ("opt_out_code");`);
    this.addSql(`create index "announcement_subscriber_commune_id_status_index" on "society"."announcement_subscriber" ("commune_id", "status");`);
    this.addSql(`alter table "society"."announcement_subscriber" add constraint "announcement_subscriber_commune_id_phone_unique" unique ("commune_id", "phone");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "society"."announcement" cascade;`);

    this.addSql(`drop table if exists "society"."announcement_delivery" cascade;`);

    this.addSql(`drop table if exists "society"."announcement_subscriber" cascade;`);
  }

}
