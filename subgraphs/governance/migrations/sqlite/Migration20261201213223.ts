import { Migration } from '@mikro-orm/migrations';

export class Migration20261201213223 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`information_alert\` (\`id\` text not null, \`unit_id\` text not null, \`source\` text not null, \`url\` text not null, \`detected_at\` datetime not null, \`topic\` text not null, \`title\` text not null, \`severity\` text check (\`severity\` in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')) not null, \`handled_at\` datetime null, \`handled_by\` text null, \`handling_note\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`information_alert_unit_id_detected_at_id_index\` on \`information_alert\` (\`unit_id\`, \`detected_at\`, \`id\`);`);
    this.addSql(`create unique index \`information_alert_unit_id_url_unique\` on \`information_alert\` (\`unit_id\`, \`url\`);`);

  }

}
