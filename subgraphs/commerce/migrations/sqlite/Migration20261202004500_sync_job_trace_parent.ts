import { Migration } from '@mikro-orm/migrations';

// Written by hand (one nullable column; see listing_attempts for why not generated).
export class Migration20261202004500_sync_job_trace_parent extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`sync_job\` add column \`trace_parent\` text null;`);
  }

}
