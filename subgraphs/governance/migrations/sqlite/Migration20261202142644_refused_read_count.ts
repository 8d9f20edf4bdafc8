import { Migration } from '@mikro-orm/migrations';

/** The refused-read log keeps one row per field per request: the first target and `count`, how many were refused. */
export class Migration20261202142644_refused_read_count extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`refused_read\` add column \`count\` integer not null default 1;`);
  }

}
