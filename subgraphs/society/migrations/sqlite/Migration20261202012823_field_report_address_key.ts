import { Migration } from '@mikro-orm/migrations';

/** field_report.address_key: the hashed client address of anonymous reports, for the per-address limit. */
export class Migration20261202012823_field_report_address_key extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`field_report\` add column \`address_key\` text null;`);
    this.addSql(`create index \`field_report_address_key_received_at_index\` on \`field_report\` (\`address_key\`, \`received_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index \`field_report_address_key_received_at_index\`;`);
    this.addSql(`alter table \`field_report\` drop column \`address_key\`;`);
  }

}
