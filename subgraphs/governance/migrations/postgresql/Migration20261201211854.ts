import { Migration } from '@mikro-orm/migrations';

export class Migration20261201211854 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "governance"."socio_economic_value" ("id" varchar(24) not null, "unit_id" varchar(16) not null, "year" int not null, "indicator" text check ("indicator" in ('POPULATION', 'HOUSEHOLDS', 'POOR_HOUSEHOLDS', 'NEAR_POOR_HOUSEHOLDS', 'POOR_HOUSEHOLD_RATE', 'NEAR_POOR_HOUSEHOLD_RATE', 'AVERAGE_INCOME_PER_PERSON', 'BROADBAND_HOUSEHOLD_SHARE', 'CASHLESS_ACCOUNT_ADULT_SHARE')) not null, "value" double precision not null, "period_from" date not null, "period_to" date not null, "source" varchar(300) not null, "note" varchar(500) null, constraint "socio_economic_value_pkey" primary key ("id"));`);
    this.addSql(`alter table "governance"."socio_economic_value" add constraint "socio_economic_value_unit_id_year_indicator_unique" unique ("unit_id", "year", "indicator");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "governance"."socio_economic_value" cascade;`);
  }

}
