import { Migration } from '@mikro-orm/migrations';

// Written by hand: MikroORM 6.6's generator also rebuilds unchanged tables on SQLite (see the
// marketplace_codes_from_registry migration); this adds the columns only.
export class Migration20261201211500_listing_duplicates_delisted extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`listing\` add column \`duplicates_delisted\` integer not null default 0;`);
  }

}
