import { Migration } from '@mikro-orm/migrations';

export class Migration20261202043000_producer_members_recorded extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`producer\` add column \`members_recorded_at\` datetime null;`);
    // Producers that recorded members already: the records decide for them from now on.
    this.addSql(`update \`producer\` set \`members_recorded_at\` = (select min(m.\`added_at\`) from \`producer_member\` m where m.\`producer_id\` = \`producer\`.\`id\`) where exists (select 1 from \`producer_member\` m where m.\`producer_id\` = \`producer\`.\`id\`);`);
    this.addSql(`create index \`producer_member_subject_index\` on \`producer_member\` (\`subject\`);`);
  }

}
