import { Migration } from '@mikro-orm/migrations';

/** The document register's month summary, filled from the documents already stored (month of registered_on, 'yyyy-mm-dd' text here). */
export class Migration20261202073450_document_month_summary extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`document_month_summary\` (\`commune_id\` text not null, \`year\` integer not null, \`month\` integer not null, \`incoming\` integer not null, \`incoming_electronic\` integer not null, \`outgoing\` integer not null, \`outgoing_electronic\` integer not null, \`outgoing_signed\` integer not null, primary key (\`commune_id\`, \`year\`, \`month\`));`);
    this.addSql(`insert into \`document_month_summary\` (\`commune_id\`, \`year\`, \`month\`, \`incoming\`, \`incoming_electronic\`, \`outgoing\`, \`outgoing_electronic\`, \`outgoing_signed\`)
      select d.\`commune_id\`, d.\`register_year\`, cast(substr(d.\`registered_on\`, 6, 2) as integer),
        sum(case when d.\`direction\` = 'INCOMING' then 1 else 0 end), sum(case when d.\`direction\` = 'INCOMING' and d.\`electronic\` then 1 else 0 end),
        sum(case when d.\`direction\` = 'OUTGOING' then 1 else 0 end), sum(case when d.\`direction\` = 'OUTGOING' and d.\`electronic\` then 1 else 0 end),
        sum(case when d.\`direction\` = 'OUTGOING' and d.\`electronic\` and exists (select 1 from \`document_signature\` s where s.\`document_id\` = d.\`id\`) then 1 else 0 end)
      from \`document\` d group by 1, 2, 3 order by 1, 2, 3;`);
    this.addSql(`create index \`document_month_summary_counts_index\` on \`document_month_summary\` (\`commune_id\`, \`year\`, \`month\`, \`incoming\`, \`incoming_electronic\`, \`outgoing\`, \`outgoing_electronic\`, \`outgoing_signed\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`document_month_summary\`;`);
  }

}
