import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210355 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`budget_line\` (\`id\` text not null, \`unit_id\` text not null, \`year\` integer not null, \`kind\` text check (\`kind\` in ('ESTIMATE', 'EXECUTION')) not null, \`month\` integer not null, \`flow\` text check (\`flow\` in ('REVENUE', 'EXPENDITURE')) not null, \`chapter_code\` text not null, \`section_code\` text not null, \`item_code\` text not null, \`sub_item_code\` text not null, \`amount_vnd\` bigint not null, \`description\` text null, \`source\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`budget_line_unit_id_year_index\` on \`budget_line\` (\`unit_id\`, \`year\`);`);
    this.addSql(`create unique index \`budget_line_unit_id_year_kind_month_flow_chapter_code_section_code_item_code_sub_item_code_unique\` on \`budget_line\` (\`unit_id\`, \`year\`, \`kind\`, \`month\`, \`flow\`, \`chapter_code\`, \`section_code\`, \`item_code\`, \`sub_item_code\`);`);

  }

}
