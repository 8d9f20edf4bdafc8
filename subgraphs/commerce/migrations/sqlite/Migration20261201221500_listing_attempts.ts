import { Migration } from '@mikro-orm/migrations';

// Written by hand: MikroORM 6.6's generator also rebuilds unchanged tables on SQLite (see the
// marketplace_codes_from_registry migration); this adds the columns only.
export class Migration20261201221500_listing_attempts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`listing\` add column \`attempts\` integer not null default 0;`);
    this.addSql(`alter table \`listing\` add column \`last_attempt_at\` datetime null;`);
    this.addSql(`alter table \`listing\` add column \`next_attempt_at\` datetime null;`);
  }

}
