import { Migration } from '@mikro-orm/migrations';

/**
 * Plain MATCHED items are stored a thousand to a row (reconciliation_item_pack), and a run records
 * the id of its item of seq 0 (first_item_id) so that a packed item has its id (first + seq) before
 * it is a row: a million-item import writes a thousand rows instead of a million.
 */
export class Migration20261203144337_reconciliation_item_packs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`reconciliation_item_pack\` (\`id\` integer not null primary key autoincrement, \`run_id\` text not null, \`first_seq\` integer not null, \`last_seq\` integer not null, \`item_count\` integer not null, \`paid_vnd\` bigint not null, \`producer_key\` text not null, \`producer_counts_json\` text not null, \`items_json\` text not null);`);
    this.addSql(`create unique index \`reconciliation_item_pack_run_id_first_seq_unique\` on \`reconciliation_item_pack\` (\`run_id\`, \`first_seq\`);`);

    this.addSql(`alter table \`reconciliation_run\` add column \`first_item_id\` bigint null;`);
    this.addSql(`create index \`reconciliation_run_first_item_id_index\` on \`reconciliation_run\` (\`first_item_id\`);`);
  }

}
