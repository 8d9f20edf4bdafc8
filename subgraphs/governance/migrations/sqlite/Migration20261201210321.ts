import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210321 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`unit_import\` (\`checksum\` text not null, \`source\` text not null, \`effective_on\` date not null, \`imported_at\` datetime not null, primary key (\`checksum\`));`);

    this.addSql(`alter table \`administrative_unit\` add column \`name_search\` text null;`);
    this.addSql(`alter table \`administrative_unit\` add column \`kind_name\` text null;`);
    this.addSql(`create index \`administrative_unit_province_id_level_code_index\` on \`administrative_unit\` (\`province_id\`, \`level\`, \`code\`);`);
  }

}
