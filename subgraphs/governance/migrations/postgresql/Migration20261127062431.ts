import { Migration } from '@mikro-orm/migrations';

export class Migration20261127062431 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "governance";`);
    this.addSql(`create table "governance"."administrative_unit" ("id" varchar(16) not null, "code" varchar(5) not null, "level" text check ("level" in ('PROVINCE', 'DISTRICT', 'COMMUNE')) not null, "kind" text check ("kind" in ('COMMUNE', 'WARD', 'TOWNSHIP', 'SPECIAL_ZONE')) null, "name" varchar(200) not null, "province_id" varchar(16) null, "district_id" varchar(16) null, "valid_from" date null, "valid_to" date null, "legal_basis" varchar(200) null, constraint "administrative_unit_pkey" primary key ("id"));`);
    this.addSql(`create index "administrative_unit_level_code_valid_from_index" on "governance"."administrative_unit" ("level", "code", "valid_from");`);

    this.addSql(`create table "governance"."unit_succession" ("predecessor_id" varchar(16) not null, "successor_id" varchar(16) not null, "share" text check ("share" in ('WHOLE', 'PART')) not null, constraint "unit_succession_pkey" primary key ("predecessor_id", "successor_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "governance"."administrative_unit" cascade;`);

    this.addSql(`drop table if exists "governance"."unit_succession" cascade;`);

    this.addSql(`drop schema if exists "governance";`);
  }

}
