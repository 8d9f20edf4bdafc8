import { Migration } from '@mikro-orm/migrations';

/** The document register's month summary, filled from the documents already stored (month of registered_on). */
export class Migration20261202073452_document_month_summary extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "governance"."document_month_summary" ("commune_id" varchar(16) not null, "year" int not null, "month" int not null, "incoming" int not null, "incoming_electronic" int not null, "outgoing" int not null, "outgoing_electronic" int not null, "outgoing_signed" int not null, constraint "document_month_summary_pkey" primary key ("commune_id", "year", "month"));`);
    this.addSql(`insert into "governance"."document_month_summary" ("commune_id", "year", "month", "incoming", "incoming_electronic", "outgoing", "outgoing_electronic", "outgoing_signed")
      select d."commune_id", d."register_year", cast(extract(month from d."registered_on") as int),
        sum(case when d."direction" = 'INCOMING' then 1 else 0 end), sum(case when d."direction" = 'INCOMING' and d."electronic" then 1 else 0 end),
        sum(case when d."direction" = 'OUTGOING' then 1 else 0 end), sum(case when d."direction" = 'OUTGOING' and d."electronic" then 1 else 0 end),
        sum(case when d."direction" = 'OUTGOING' and d."electronic" and exists (select 1 from "governance"."document_signature" s where s."document_id" = d."id") then 1 else 0 end)
      from "governance"."document" d group by 1, 2, 3 order by 1, 2, 3;`);
    this.addSql(`create index "document_month_summary_counts_index" on "governance"."document_month_summary" ("commune_id", "year", "month", "incoming", "incoming_electronic", "outgoing", "outgoing_electronic", "outgoing_signed");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "governance"."document_month_summary" cascade;`);
  }

}
