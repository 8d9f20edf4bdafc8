import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210322 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "governance"."unit_import" ("checksum" varchar(64) not null, "source" varchar(200) not null, "effective_on" date not null, "imported_at" timestamptz not null, constraint "unit_import_pkey" primary key ("checksum"));`);

    this.addSql(`alter table "governance"."administrative_unit" add column "name_search" varchar(200) null, add column "kind_name" varchar(40) null;`);
    this.addSql(`create index "administrative_unit_province_id_level_code_index" on "governance"."administrative_unit" ("province_id", "level", "code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "governance"."unit_import" cascade;`);

    this.addSql(`drop index "governance"."administrative_unit_province_id_level_code_index";`);
    this.addSql(`alter table "governance"."administrative_unit" drop column "name_search", drop column "kind_name";`);
  }

}
