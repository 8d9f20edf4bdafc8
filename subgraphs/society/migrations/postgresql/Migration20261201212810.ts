import { Migration } from '@mikro-orm/migrations';

export class Migration20261201212810 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "society"."training_participant" ("id" varchar(64) not null, "session_id" varchar(64) not null, "kind" text check ("kind" in ('OFFICIAL', 'HOUSEHOLD', 'COOPERATIVE')) not null, "producer_id" varchar(64) null, constraint "training_participant_pkey" primary key ("id"));`);
    this.addSql(`create index "training_participant_producer_id_index" on "society"."training_participant" ("producer_id");`);
    this.addSql(`alter table "society"."training_participant" add constraint "training_participant_session_id_producer_id_unique" unique ("session_id", "producer_id");`);

    this.addSql(`create table "society"."training_session" ("id" varchar(64) not null, "title" varchar(300) not null, "organiser" varchar(300) not null, "audiences" jsonb not null, "topics" jsonb not null, "held_on" date not null, "attendee_count" int null, constraint "training_session_pkey" primary key ("id"));`);
    this.addSql(`create index "training_session_held_on_index" on "society"."training_session" ("held_on");`);

    this.addSql(`create table "society"."training_session_commune" ("session_id" varchar(64) not null, "commune_id" varchar(16) not null, constraint "training_session_commune_pkey" primary key ("session_id", "commune_id"));`);
    this.addSql(`create index "training_session_commune_commune_id_index" on "society"."training_session_commune" ("commune_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "society"."training_participant" cascade;`);

    this.addSql(`drop table if exists "society"."training_session" cascade;`);

    this.addSql(`drop table if exists "society"."training_session_commune" cascade;`);
  }

}
