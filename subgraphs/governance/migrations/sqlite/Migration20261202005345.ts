import { Migration } from '@mikro-orm/migrations';

/** The dossiers' month summary, filled from the dossiers already stored (months in the Asia/Ho_Chi_Minh calendar, UTC+7). */
export class Migration20261202005345 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`dossier_month_summary\` (\`commune_id\` text not null, \`year\` integer not null, \`month\` integer not null, \`received\` integer not null, \`resolved_on_time\` integer not null, \`resolved_overdue\` integer not null, \`online\` integer not null, primary key (\`commune_id\`, \`year\`, \`month\`));`);
    this.addSql(`insert into \`dossier_month_summary\` (\`commune_id\`, \`year\`, \`month\`, \`received\`, \`resolved_on_time\`, \`resolved_overdue\`, \`online\`)
      select \`commune_id\`, cast(strftime('%Y', (\`received_at\` + 25200000) / 1000, 'unixepoch') as integer), cast(strftime('%m', (\`received_at\` + 25200000) / 1000, 'unixepoch') as integer), count(*),
        sum(case when \`status\` = 'RESOLVED' and \`completed_at\` <= \`due_at\` then 1 else 0 end), sum(case when \`status\` = 'RESOLVED' and \`completed_at\` > \`due_at\` then 1 else 0 end),
        sum(case when \`channel\` = 'ONLINE' then 1 else 0 end)
      from \`dossier\` group by 1, 2, 3 order by 1, 2, 3;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`dossier_month_summary\`;`);
  }

}
