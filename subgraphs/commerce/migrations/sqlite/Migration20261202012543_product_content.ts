import { Migration } from '@mikro-orm/migrations';

export class Migration20261202012543_product_content extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`product_image\` (\`id\` text not null, \`product_id\` text not null, \`position\` integer not null, \`content_type\` text not null, \`byte_size\` integer not null, \`sha256\` text not null, \`data\` blob not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`product_image_product_id_position_index\` on \`product_image\` (\`product_id\`, \`position\`);`);
    this.addSql(`create unique index \`product_image_product_id_sha256_unique\` on \`product_image\` (\`product_id\`, \`sha256\`);`);
    this.addSql(`alter table \`listing\` add column \`media_urls\` json not null default '{}';`);
    this.addSql(`alter table \`product\` add column \`attributes\` json not null default '{}';`);
    this.addSql(`alter table \`product\` add column \`package_weight_grams\` integer null;`);
    this.addSql(`alter table \`product\` add column \`package_length_cm\` integer null;`);
    this.addSql(`alter table \`product\` add column \`package_width_cm\` integer null;`);
    this.addSql(`alter table \`product\` add column \`package_height_cm\` integer null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`product_image\`;`);
    this.addSql(`alter table \`listing\` drop column \`media_urls\`;`);
    this.addSql(`alter table \`product\` drop column \`attributes\`;`);
    this.addSql(`alter table \`product\` drop column \`package_weight_grams\`;`);
    this.addSql(`alter table \`product\` drop column \`package_length_cm\`;`);
    this.addSql(`alter table \`product\` drop column \`package_width_cm\`;`);
    this.addSql(`alter table \`product\` drop column \`package_height_cm\`;`);
  }

}
