import { Migration } from '@mikro-orm/migrations';

/** The key and every count of the month summary in one index: the KPI reads use it alone (a covering index). */
export class Migration20261202042458_dossier_summary_counts_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`dossier_month_summary_counts_index\` on \`dossier_month_summary\` (\`commune_id\`, \`year\`, \`month\`, \`received\`, \`resolved_on_time\`, \`resolved_overdue\`, \`online\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists \`dossier_month_summary_counts_index\`;`);
  }

}
