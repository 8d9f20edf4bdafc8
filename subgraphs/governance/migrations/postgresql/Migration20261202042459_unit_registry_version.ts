import { Migration } from '@mikro-orm/migrations';

/** The registry's change counter (units/unit-registry-version.entity.ts): the unit snapshot reloads only when it moves. */
export class Migration20261202042459_unit_registry_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "governance"."unit_registry_version" ("id" int not null, "version" int not null, constraint "unit_registry_version_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "governance"."unit_registry_version" cascade;`);
  }

}
