import { Migration } from '@mikro-orm/migrations';

/** The refused-read log (subgraphs/shared/refused-read.entity.ts), now in commerce too; `count`: one row per field per request. */
export class Migration20261202142626_refused_reads extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commerce"."refused_read" ("id" varchar(36) not null, "at" timestamptz not null, "subject" varchar(200) null, "roles" varchar(200) not null, "field" varchar(100) not null, "target" varchar(200) not null, "count" int not null default 1, "commune_id" varchar(16) null, "request_id" varchar(128) not null, "caller_request_id" varchar(128) null, constraint "refused_read_pkey" primary key ("id"));`);
    this.addSql(`create index "refused_read_at_index" on "commerce"."refused_read" ("at");`);
    this.addSql(`create index "refused_read_commune_id_at_index" on "commerce"."refused_read" ("commune_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce"."refused_read" cascade;`);
  }

}
