import { Migration } from '@mikro-orm/migrations';

export class Migration20261202043000_producer_members_recorded extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commerce"."producer" add column "members_recorded_at" timestamptz null;`);
    // Producers that recorded members already: the records decide for them from now on.
    this.addSql(`update "commerce"."producer" p set "members_recorded_at" = (select min(m."added_at") from "commerce"."producer_member" m where m."producer_id" = p."id") where exists (select 1 from "commerce"."producer_member" m where m."producer_id" = p."id");`);
    this.addSql(`create index "producer_member_subject_index" on "commerce"."producer_member" ("subject");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "commerce"."producer_member_subject_index";`);
    this.addSql(`alter table "commerce"."producer" drop column "members_recorded_at";`);
  }

}
