import { Migration } from '@mikro-orm/migrations';

export class Migration20261201211852 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`socio_economic_value\` (\`id\` text not null, \`unit_id\` text not null, \`year\` integer not null, \`indicator\` text check (\`indicator\` in ('POPULATION', 'HOUSEHOLDS', 'POOR_HOUSEHOLDS', 'NEAR_POOR_HOUSEHOLDS', 'POOR_HOUSEHOLD_RATE', 'NEAR_POOR_HOUSEHOLD_RATE', 'AVERAGE_INCOME_PER_PERSON', 'BROADBAND_HOUSEHOLD_SHARE', 'CASHLESS_ACCOUNT_ADULT_SHARE')) not null, \`value\` double not null, \`period_from\` date not null, \`period_to\` date not null, \`source\` text not null, \`note\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`socio_economic_value_unit_id_year_indicator_unique\` on \`socio_economic_value\` (\`unit_id\`, \`year\`, \`indicator\`);`);

  }

}
