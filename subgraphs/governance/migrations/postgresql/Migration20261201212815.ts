import { Migration } from '@mikro-orm/migrations';

export class Migration20261201212815 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "governance"."portal_post" ("id" varchar(64) not null, "commune_id" varchar(16) not null, "category" text check ("category" in ('NEWS_ANNOUNCEMENTS', 'LEADERSHIP_ORGANISATION', 'LEGAL_DOCUMENTS', 'PROCEDURES', 'PLANS_REPORTS', 'QUESTIONS_ANSWERS')) not null, "title" varchar(300) not null, "summary" varchar(1000) null, "body" text not null, "status" text check ("status" in ('DRAFT', 'APPROVED', 'REJECTED', 'WITHDRAWN')) not null, "publish_at" timestamptz not null, "expire_at" timestamptz null, "author" varchar(200) not null, "reviewed_by" varchar(200) null, "reviewed_at" timestamptz null, "rejection_reason" varchar(1000) null, "updated_at" timestamptz not null, constraint "portal_post_pkey" primary key ("id"));`);
    this.addSql(`create index "portal_post_commune_id_status_publish_at_id_index" on "governance"."portal_post" ("commune_id", "status", "publish_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "governance"."portal_post" cascade;`);
  }

}
