import { Migration } from '@mikro-orm/migrations';

/** The refused-read log (subgraphs/shared/refused-read.entity.ts), now in commerce too; `count`: one row per field per request. */
export class Migration20261202142625_refused_reads extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`refused_read\` (\`id\` text not null, \`at\` datetime not null, \`subject\` text null, \`roles\` text not null, \`field\` text not null, \`target\` text not null, \`count\` integer not null default 1, \`commune_id\` text null, \`request_id\` text not null, \`caller_request_id\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`refused_read_at_index\` on \`refused_read\` (\`at\`);`);
    this.addSql(`create index \`refused_read_commune_id_at_index\` on \`refused_read\` (\`commune_id\`, \`at\`);`);
  }

}
