import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210511 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "devices"."it_equipment" ("id" varchar(64) not null, "commune_id" varchar(16) not null, "kind" text check ("kind" in ('DESKTOP_COMPUTER', 'LAPTOP', 'PRINTER', 'SCANNER', 'NETWORK_SWITCH', 'ROUTER', 'FIREWALL', 'WIFI_ACCESS_POINT', 'UPS', 'SERVER', 'OTHER')) not null, "description" varchar(200) not null, "count" int not null, "acquired_on" date null, "status" text check ("status" in ('IN_USE', 'SPARE', 'FAULTY', 'RETIRED')) not null, "note" varchar(500) null, constraint "it_equipment_pkey" primary key ("id"));`);
    this.addSql(`create index "it_equipment_commune_id_index" on "devices"."it_equipment" ("commune_id");`);

    this.addSql(`create table "devices"."video_meeting" ("id" varchar(64) not null, "title" varchar(300) not null, "level" text check ("level" in ('COMMUNE', 'DISTRICT', 'PROVINCE', 'CENTRAL')) not null, "host_unit" varchar(300) not null, "scheduled_start" timestamptz not null, "scheduled_end" timestamptz not null, "actual_start" timestamptz null, "actual_end" timestamptz null, "status" text check ("status" in ('SCHEDULED', 'HELD', 'CANCELLED')) not null, "recording_url" varchar(1000) null, constraint "video_meeting_pkey" primary key ("id"));`);
    this.addSql(`create index "video_meeting_scheduled_start_index" on "devices"."video_meeting" ("scheduled_start");`);

    this.addSql(`create table "devices"."video_meeting_room" ("id" varchar(64) not null, "meeting_id" varchar(64) not null, "room_id" varchar(64) not null, "commune_id" varchar(16) not null, "attendees" int null, constraint "video_meeting_room_pkey" primary key ("id"));`);
    this.addSql(`create index "video_meeting_room_commune_id_index" on "devices"."video_meeting_room" ("commune_id");`);
    this.addSql(`create index "video_meeting_room_room_id_index" on "devices"."video_meeting_room" ("room_id");`);
    this.addSql(`alter table "devices"."video_meeting_room" add constraint "video_meeting_room_meeting_id_room_id_unique" unique ("meeting_id", "room_id");`);

    this.addSql(`create table "devices"."video_room" ("id" varchar(64) not null, "commune_id" varchar(16) not null, "name" varchar(200) not null, "equipment" varchar(1000) not null, "connected_levels" jsonb not null, "state" text check ("state" in ('PLANNED', 'INSTALLED', 'FAULTY')) not null, "installed_on" date null, constraint "video_room_pkey" primary key ("id"));`);
    this.addSql(`create index "video_room_commune_id_index" on "devices"."video_room" ("commune_id");`);

    this.addSql(`create table "devices"."village_connectivity" ("id" varchar(64) not null, "commune_id" varchar(16) not null, "village" varchar(200) not null, "village_key" varchar(200) not null, "coverage" jsonb not null, "fixed_broadband" boolean not null, "surveyed_on" date not null, "source" varchar(300) not null, constraint "village_connectivity_pkey" primary key ("id"));`);
    this.addSql(`create index "village_connectivity_commune_id_surveyed_on_index" on "devices"."village_connectivity" ("commune_id", "surveyed_on");`);
    this.addSql(`alter table "devices"."village_connectivity" add constraint "village_connectivity_commune_id_village_key_surveyed_on_unique" unique ("commune_id", "village_key", "surveyed_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "devices"."it_equipment" cascade;`);

    this.addSql(`drop table if exists "devices"."video_meeting" cascade;`);

    this.addSql(`drop table if exists "devices"."video_meeting_room" cascade;`);

    this.addSql(`drop table if exists "devices"."video_room" cascade;`);

    this.addSql(`drop table if exists "devices"."village_connectivity" cascade;`);
  }

}
