import { Migration } from '@mikro-orm/migrations';

export class Migration20261201212813 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commerce"."cashless_account" ("id" varchar(64) not null, "commune_id" varchar(16) not null, "holder_kind" text check ("holder_kind" in ('BUDGET_PAID_OFFICIAL', 'PRODUCER')) not null, "holder_ref" varchar(64) not null, "provider" text check ("provider" in ('VIETTEL_MONEY', 'VNPT_MONEY', 'LPBANK', 'OTHER_BANK')) not null, "account_kind" text check ("account_kind" in ('MOBILE_MONEY', 'E_WALLET', 'BANK_ACCOUNT')) not null, "opened_on" date not null, constraint "cashless_account_pkey" primary key ("id"));`);
    this.addSql(`create index "cashless_account_commune_id_opened_on_index" on "commerce"."cashless_account" ("commune_id", "opened_on");`);
    this.addSql(`alter table "commerce"."cashless_account" add constraint "cashless_account_commune_id_holder_kind_holder_re_48fb6_unique" unique ("commune_id", "holder_kind", "holder_ref", "provider");`);

    this.addSql(`create table "commerce"."cash_point" ("id" varchar(64) not null, "commune_id" varchar(16) not null, "operator" text check ("operator" in ('VIETTEL', 'VNPT', 'VIETNAM_POST', 'OTHER')) not null, "name" varchar(200) not null, "address" varchar(500) not null, constraint "cash_point_pkey" primary key ("id"));`);
    this.addSql(`create index "cash_point_commune_id_index" on "commerce"."cash_point" ("commune_id");`);

    this.addSql(`create table "commerce"."cash_point_month" ("cash_point_id" varchar(64) not null, "month" varchar(7) not null, "cash_in_vnd" bigint not null, "cash_out_vnd" bigint not null, constraint "cash_point_month_pkey" primary key ("cash_point_id", "month"));`);

    this.addSql(`create table "commerce"."commune_staffing" ("commune_id" varchar(16) not null, "year" int not null, "budget_paid_officials" int not null, "source" varchar(300) not null, constraint "commune_staffing_pkey" primary key ("commune_id", "year"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce"."cashless_account" cascade;`);

    this.addSql(`drop table if exists "commerce"."cash_point" cascade;`);

    this.addSql(`drop table if exists "commerce"."cash_point_month" cascade;`);

    this.addSql(`drop table if exists "commerce"."commune_staffing" cascade;`);
  }

}
