import { Migration } from '@mikro-orm/migrations';

// Written by hand: MikroORM 6.6's generator also rebuilds unchanged tables on SQLite (see the
// marketplace_codes_from_registry migration); this adds the columns only.
export class Migration20261201221500_listing_attempts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commerce"."listing" add column "attempts" int not null default 0, add column "last_attempt_at" timestamptz null, add column "next_attempt_at" timestamptz null;`);
  }

}
