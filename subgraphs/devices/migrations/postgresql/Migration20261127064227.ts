import { Migration } from '@mikro-orm/migrations';

export class Migration20261127064227 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "devices";`);
    this.addSql(`create table "devices"."broadcast" ("id" varchar(36) not null, "commune_id" varchar(16) not null, "title" varchar(300) not null, "content" text not null, "priority" text check ("priority" in ('NORMAL', 'PRIORITY', 'EMERGENCY')) not null, "starts_at" timestamptz not null, "duration_seconds" int not null, "created_at" timestamptz not null, "created_by" varchar(200) not null, constraint "broadcast_pkey" primary key ("id"));`);
    this.addSql(`create index "broadcast_commune_id_starts_at_id_index" on "devices"."broadcast" ("commune_id", "starts_at", "id");`);

    this.addSql(`create table "devices"."broadcast_target" ("broadcast_id" varchar(36) not null, "cluster_id" varchar(64) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "preempted_by_id" varchar(36) null, "interrupted" boolean not null default false, "report" text check ("report" in ('PLAYED', 'FAILED')) null, "failure_reason" varchar(500) null, constraint "broadcast_target_pkey" primary key ("broadcast_id", "cluster_id"));`);
    this.addSql(`create index "broadcast_target_cluster_id_ends_at_index" on "devices"."broadcast_target" ("cluster_id", "ends_at");`);

    this.addSql(`create table "devices"."camera" ("id" varchar(64) not null, "commune_id" varchar(16) not null, "name" varchar(200) not null, "location" varchar(500) not null, "purpose" text check ("purpose" in ('SECURITY', 'TRAFFIC', 'PUBLIC_ORDER', 'DISASTER_WATCH', 'OTHER')) not null, "feeds" jsonb not null, "stream_url" varchar(1000) null, "state" text check ("state" in ('PLANNED', 'INSTALLED', 'FAULTY')) not null, "installed_on" date null, "note" varchar(500) null, constraint "camera_pkey" primary key ("id"));`);
    this.addSql(`create index "camera_commune_id_index" on "devices"."camera" ("commune_id");`);

    this.addSql(`create table "devices"."device" ("id" varchar(36) not null, "commune_id" varchar(16) not null, "kind" text check ("kind" in ('RADIO_RECEIVER', 'CAMERA')) not null, "cluster_id" varchar(64) null, "camera_id" varchar(64) null, "label" varchar(200) not null, "credential_hash" varchar(64) not null, "offline_after_seconds" int not null, "registered_at" timestamptz not null, "retired_at" timestamptz null, "last_seen_at" timestamptz null, constraint "device_pkey" primary key ("id"));`);
    this.addSql(`create index "device_camera_id_index" on "devices"."device" ("camera_id");`);
    this.addSql(`create index "device_cluster_id_index" on "devices"."device" ("cluster_id");`);
    this.addSql(`create index "device_commune_id_index" on "devices"."device" ("commune_id");`);

    this.addSql(`create table "devices"."device_heartbeat" ("device_id" varchar(36) not null, "received_at" timestamptz not null, constraint "device_heartbeat_pkey" primary key ("device_id", "received_at"));`);

    this.addSql(`create table "devices"."radio_cluster" ("id" varchar(64) not null, "commune_id" varchar(16) not null, "village" varchar(200) not null, "device_count" int not null, "loudspeaker_count" int not null, "state" text check ("state" in ('PLANNED', 'INSTALLED', 'FAULTY')) not null, "installed_on" date null, "note" varchar(500) null, constraint "radio_cluster_pkey" primary key ("id"));`);
    this.addSql(`create index "radio_cluster_commune_id_village_index" on "devices"."radio_cluster" ("commune_id", "village");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "devices"."broadcast" cascade;`);

    this.addSql(`drop table if exists "devices"."broadcast_target" cascade;`);

    this.addSql(`drop table if exists "devices"."camera" cascade;`);

    this.addSql(`drop table if exists "devices"."device" cascade;`);

    this.addSql(`drop table if exists "devices"."device_heartbeat" cascade;`);

    this.addSql(`drop table if exists "devices"."radio_cluster" cascade;`);

    this.addSql(`drop schema if exists "devices";`);
  }

}
