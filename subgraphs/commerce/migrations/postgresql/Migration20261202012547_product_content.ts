import { Migration } from '@mikro-orm/migrations';

export class Migration20261202012547_product_content extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commerce"."product_image" ("id" varchar(40) not null, "product_id" varchar(40) not null, "position" int not null, "content_type" varchar(20) not null, "byte_size" int not null, "sha256" varchar(64) not null, "data" bytea not null, "created_at" timestamptz not null, constraint "product_image_pkey" primary key ("id"));`);
    this.addSql(`create index "product_image_product_id_position_index" on "commerce"."product_image" ("product_id", "position");`);
    this.addSql(`alter table "commerce"."product_image" add constraint "product_image_product_id_sha256_unique" unique ("product_id", "sha256");`);

    // Existing rows get an empty object; the default is dropped so the column matches the entity.
    this.addSql(`alter table "commerce"."listing" add column "media_urls" jsonb not null default '{}';`);
    this.addSql(`alter table "commerce"."listing" alter column "media_urls" drop default;`);

    this.addSql(`alter table "commerce"."product" add column "attributes" jsonb not null default '{}', add column "package_weight_grams" int null, add column "package_length_cm" int null, add column "package_width_cm" int null, add column "package_height_cm" int null;`);
    this.addSql(`alter table "commerce"."product" alter column "attributes" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce"."product_image" cascade;`);

    this.addSql(`alter table "commerce"."listing" drop column "media_urls";`);

    this.addSql(`alter table "commerce"."product" drop column "attributes", drop column "package_weight_grams", drop column "package_length_cm", drop column "package_width_cm", drop column "package_height_cm";`);
  }

}
