import { Migration } from '@mikro-orm/migrations';

export class Migration20261201213225 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "governance"."information_alert" ("id" varchar(24) not null, "unit_id" varchar(16) not null, "source" varchar(200) not null, "url" varchar(2000) not null, "detected_at" timestamptz not null, "topic" varchar(200) not null, "title" varchar(500) not null, "severity" text check ("severity" in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')) not null, "handled_at" timestamptz null, "handled_by" varchar(200) null, "handling_note" text null, constraint "information_alert_pkey" primary key ("id"));`);
    this.addSql(`create index "information_alert_unit_id_detected_at_id_index" on "governance"."information_alert" ("unit_id", "detected_at", "id");`);
    this.addSql(`alter table "governance"."information_alert" add constraint "information_alert_unit_id_url_unique" unique ("unit_id", "url");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "governance"."information_alert" cascade;`);
  }

}
