import { Migration } from '@mikro-orm/migrations';

/** The key and every count of the month summary in one index: the KPI reads use it alone (an index-only scan). */
export class Migration20261202042500_dossier_summary_counts_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "dossier_month_summary_counts_index" on "governance"."dossier_month_summary" ("commune_id", "year", "month", "received", "resolved_on_time", "resolved_overdue", "online");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "governance"."dossier_month_summary_counts_index";`);
  }

}
