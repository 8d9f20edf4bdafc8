import { Migration } from '@mikro-orm/migrations';

/** The dossiers' month summary, filled from the dossiers already stored (months in the Asia/Ho_Chi_Minh calendar, UTC+7). */
export class Migration20261202005348 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "governance"."dossier_month_summary" ("commune_id" varchar(16) not null, "year" int not null, "month" int not null, "received" int not null, "resolved_on_time" int not null, "resolved_overdue" int not null, "online" int not null, constraint "dossier_month_summary_pkey" primary key ("commune_id", "year", "month"));`);
    this.addSql(`insert into "governance"."dossier_month_summary" ("commune_id", "year", "month", "received", "resolved_on_time", "resolved_overdue", "online")
      select "commune_id", cast(extract(year from ("received_at" at time zone 'UTC') + interval '7 hours') as int), cast(extract(month from ("received_at" at time zone 'UTC') + interval '7 hours') as int), count(*),
        sum(case when "status" = 'RESOLVED' and "completed_at" <= "due_at" then 1 else 0 end), sum(case when "status" = 'RESOLVED' and "completed_at" > "due_at" then 1 else 0 end),
        sum(case when "channel" = 'ONLINE' then 1 else 0 end)
      from "governance"."dossier" group by 1, 2, 3 order by 1, 2, 3;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "governance"."dossier_month_summary" cascade;`);
  }

}
