import { Migration } from '@mikro-orm/migrations';

/**
 * Reconciliation item ids become bigint (the key, its sequence, and the columns that name an item):
 * every item of a run takes an id, packed or not, so a million-row statement a day would pass int4's
 * 2,147,483,647 in about six years, after which no run could be stored. Rewrites the item table
 * once (an exclusive lock for as long as that takes: minutes at tens of millions of items). SQLite's
 * integer is 64-bit already: no SQLite counterpart (Int64IdType declares integer there).
 */
export class Migration20261204064500_reconciliation_item_ids_bigint extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commerce"."reconciliation_item" alter column "id" type bigint, alter column "carried_from_item_id" type bigint, alter column "settled_by_item_id" type bigint;`);
    // The serial's own sequence is int4 too, whatever its column: it would stop at 2^31 − 1.
    this.addSql(`do $$ begin execute format('alter sequence %s as bigint', pg_get_serial_sequence('"commerce"."reconciliation_item"', 'id')); end $$;`);
    this.addSql(`alter table "commerce"."reconciliation_resolution" alter column "item_id" type bigint;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "commerce"."reconciliation_resolution" alter column "item_id" type int;`);
    this.addSql(`do $$ begin execute format('alter sequence %s as integer', pg_get_serial_sequence('"commerce"."reconciliation_item"', 'id')); end $$;`);
    this.addSql(`alter table "commerce"."reconciliation_item" alter column "id" type int, alter column "carried_from_item_id" type int, alter column "settled_by_item_id" type int;`);
  }

}
