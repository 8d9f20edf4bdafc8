import { Migration } from '@mikro-orm/migrations';

/** The refused-read log keeps one row per field per request: the first target and `count`, how many were refused. */
export class Migration20261202142644_refused_read_count extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "governance"."refused_read" add column "count" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "governance"."refused_read" drop column "count";`);
  }

}
