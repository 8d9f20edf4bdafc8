import { Migration } from '@mikro-orm/migrations';

export class Migration20261201215434 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "society"."postal_dossier_link" ("id" varchar(64) not null, "point_id" varchar(64) not null, "dossier_id" varchar(100) not null, "direction" text check ("direction" in ('RECEIVED', 'RETURNED')) not null, "at" timestamptz not null, constraint "postal_dossier_link_pkey" primary key ("id"));`);
    this.addSql(`create index "postal_dossier_link_point_id_at_index" on "society"."postal_dossier_link" ("point_id", "at");`);
    this.addSql(`alter table "society"."postal_dossier_link" add constraint "postal_dossier_link_dossier_id_direction_unique" unique ("dossier_id", "direction");`);

    this.addSql(`create table "society"."postal_point" ("id" varchar(64) not null, "commune_id" varchar(16) not null, "name" varchar(200) not null, "address" varchar(500) not null, "services" jsonb not null, "opening_hours" varchar(300) not null, constraint "postal_point_pkey" primary key ("id"));`);
    this.addSql(`create index "postal_point_commune_id_index" on "society"."postal_point" ("commune_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "society"."postal_dossier_link" cascade;`);

    this.addSql(`drop table if exists "society"."postal_point" cascade;`);
  }

}
