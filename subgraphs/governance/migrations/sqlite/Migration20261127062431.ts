import { Migration } from '@mikro-orm/migrations';

export class Migration20261127062431 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`administrative_unit\` (\`id\` text not null, \`code\` text not null, \`level\` text check (\`level\` in ('PROVINCE', 'DISTRICT', 'COMMUNE')) not null, \`kind\` text check (\`kind\` in ('COMMUNE', 'WARD', 'TOWNSHIP', 'SPECIAL_ZONE')) null, \`name\` text not null, \`province_id\` text null, \`district_id\` text null, \`valid_from\` date null, \`valid_to\` date null, \`legal_basis\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`administrative_unit_level_code_valid_from_index\` on \`administrative_unit\` (\`level\`, \`code\`, \`valid_from\`);`);

    this.addSql(`create table \`unit_succession\` (\`predecessor_id\` text not null, \`successor_id\` text not null, \`share\` text check (\`share\` in ('WHOLE', 'PART')) not null, primary key (\`predecessor_id\`, \`successor_id\`));`);
  }

}
