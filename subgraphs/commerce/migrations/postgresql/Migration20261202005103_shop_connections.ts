import { Migration } from '@mikro-orm/migrations';

export class Migration20261202005103_shop_connections extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commerce"."producer_member" ("id" varchar(40) not null, "producer_id" varchar(40) not null, "subject" varchar(200) not null, "display_name" varchar(200) not null, "added_at" timestamptz not null, constraint "producer_member_pkey" primary key ("id"));`);
    this.addSql(`alter table "commerce"."producer_member" add constraint "producer_member_producer_id_subject_unique" unique ("producer_id", "subject");`);

    this.addSql(`create table "commerce"."shop_connection" ("id" varchar(40) not null, "producer_id" varchar(40) not null, "marketplace" varchar(20) not null, "status" text check ("status" in ('PENDING', 'CONNECTED', 'EXPIRED', 'REVOKED')) not null default 'PENDING', "shop_id" varchar(100) null, "access_token_sealed" text null, "refresh_token_sealed" text null, "access_expires_at" timestamptz null, "refresh_expires_at" timestamptz null, "generation" int not null default 0, "auth_state_hash" varchar(64) null, "auth_state_expires_at" timestamptz null, "last_error" varchar(1000) null, "connected_at" timestamptz null, "last_refreshed_at" timestamptz null, "updated_at" timestamptz not null, constraint "shop_connection_pkey" primary key ("id"));`);
    this.addSql(`create index "shop_connection_auth_state_hash_index" on "commerce"."shop_connection" ("auth_state_hash");`);
    this.addSql(`alter table "commerce"."shop_connection" add constraint "shop_connection_producer_id_marketplace_unique" unique ("producer_id", "marketplace");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce"."producer_member" cascade;`);

    this.addSql(`drop table if exists "commerce"."shop_connection" cascade;`);
  }

}
