import { Migration } from '@mikro-orm/migrations';

/** The registry's change counter (units/unit-registry-version.entity.ts): the unit snapshot reloads only when it moves. */
export class Migration20261202042457_unit_registry_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`unit_registry_version\` (\`id\` integer not null, \`version\` integer not null, primary key (\`id\`));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`unit_registry_version\`;`);
  }

}
