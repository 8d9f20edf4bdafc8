import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210356 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "governance"."budget_line" ("id" varchar(24) not null, "unit_id" varchar(16) not null, "year" int not null, "kind" text check ("kind" in ('ESTIMATE', 'EXECUTION')) not null, "month" int not null, "flow" text check ("flow" in ('REVENUE', 'EXPENDITURE')) not null, "chapter_code" varchar(3) not null, "section_code" varchar(3) not null, "item_code" varchar(4) not null, "sub_item_code" varchar(4) not null, "amount_vnd" bigint not null, "description" varchar(300) null, "source" varchar(300) not null, constraint "budget_line_pkey" primary key ("id"));`);
    this.addSql(`create index "budget_line_unit_id_year_index" on "governance"."budget_line" ("unit_id", "year");`);
    this.addSql(`alter table "governance"."budget_line" add constraint "budget_line_unit_id_year_kind_month_flow_chapter__448f2_unique" unique ("unit_id", "year", "kind", "month", "flow", "chapter_code", "section_code", "item_code", "sub_item_code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "governance"."budget_line" cascade;`);
  }

}
