import { Migration } from '@mikro-orm/migrations';

/**
 * Plain MATCHED items are stored a thousand to a row (reconciliation_item_pack), and a run records
 * the id of its item of seq 0 (first_item_id) so that a packed item has its id (first + seq) before
 * it is a row: a million-item import writes a thousand rows instead of a million.
 */
export class Migration20261203144337_reconciliation_item_packs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commerce"."reconciliation_item_pack" ("id" serial primary key, "run_id" varchar(36) not null, "first_seq" int not null, "last_seq" int not null, "item_count" int not null, "paid_vnd" bigint not null, "producer_key" text not null, "producer_counts_json" text not null, "items_json" text not null);`);
    this.addSql(`alter table "commerce"."reconciliation_item_pack" add constraint "reconciliation_item_pack_run_id_first_seq_unique" unique ("run_id", "first_seq");`);

    // lz4 where the server has it: pglz made the server spend 2.9 s compressing a million items'
    // packs (91 KB each), lz4 1.3 s; a server built without lz4 keeps its default.
    this.addSql(`do $$ begin
      if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then
        alter table "commerce"."reconciliation_item_pack" alter column "items_json" set compression lz4;
      end if;
    end $$;`);

    this.addSql(`alter table "commerce"."reconciliation_run" add column "first_item_id" bigint null;`);
    this.addSql(`create index "reconciliation_run_first_item_id_index" on "commerce"."reconciliation_run" ("first_item_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce"."reconciliation_item_pack" cascade;`);

    this.addSql(`drop index "commerce"."reconciliation_run_first_item_id_index";`);
    this.addSql(`alter table "commerce"."reconciliation_run" drop column "first_item_id";`);
  }

}
