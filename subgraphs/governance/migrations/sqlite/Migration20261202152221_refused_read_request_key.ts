import { Migration } from '@mikro-orm/migrations';

/**
 * One row per (request, field) in the refused-read log: rows the gateway's second call of the subgraph
 * for one request wrote apart are merged first (the earliest keeps its target and time, and takes the
 * summed count: only it is updated, as SQLite's update sees its own earlier changes), then the unique key keeps it so (refused-read.store.ts adds to the count on conflict).
 */
export class Migration20261202152221_refused_read_request_key extends Migration {

  override async up(): Promise<void> {
    this.addSql(`update \`refused_read\` as r set \`count\` = (select sum(d.\`count\`) from \`refused_read\` as d where d.\`request_id\` = r.\`request_id\` and d.\`field\` = r.\`field\`) where exists (select 1 from \`refused_read\` as d where d.\`request_id\` = r.\`request_id\` and d.\`field\` = r.\`field\` and d.\`id\` <> r.\`id\`) and not exists (select 1 from \`refused_read\` as d where d.\`request_id\` = r.\`request_id\` and d.\`field\` = r.\`field\` and (d.\`at\` < r.\`at\` or (d.\`at\` = r.\`at\` and d.\`id\` < r.\`id\`)));`);
    this.addSql(`delete from \`refused_read\` as r where exists (select 1 from \`refused_read\` as d where d.\`request_id\` = r.\`request_id\` and d.\`field\` = r.\`field\` and (d.\`at\` < r.\`at\` or (d.\`at\` = r.\`at\` and d.\`id\` < r.\`id\`)));`);
    this.addSql(`create unique index \`refused_read_request_id_field_unique\` on \`refused_read\` (\`request_id\`, \`field\`);`);
  }

}
