import { Migration } from '@mikro-orm/migrations';

export class Migration20261127065620 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "governance"."document" ("id" varchar(24) not null, "commune_id" varchar(16) not null, "direction" text check ("direction" in ('INCOMING', 'OUTGOING')) not null, "number" int not null, "symbol" varchar(100) not null, "document_type" text check ("document_type" in ('RESOLUTION', 'DECISION', 'DIRECTIVE', 'REGULATION', 'RULES', 'COMMUNIQUE', 'NOTICE', 'GUIDANCE', 'PROGRAMME', 'PLAN', 'SCHEME', 'PROPOSAL', 'PROJECT', 'REPORT', 'MINUTES', 'SUBMISSION', 'CONTRACT', 'OFFICIAL_LETTER', 'TELEGRAM', 'MEMORANDUM', 'AGREEMENT', 'AUTHORIZATION', 'INVITATION', 'INTRODUCTION', 'LEAVE_PERMIT', 'DISPATCH_SLIP', 'TRANSFER_SLIP', 'NOTIFICATION_SLIP', 'PUBLIC_LETTER', 'OTHER')) not null, "issued_on" date not null, "issued_year" int not null, "issued_place" varchar(200) null, "issuing_body" varchar(300) not null, "issuer_key" varchar(300) not null, "subject" text not null, "subject_folded" text not null, "urgency" text check ("urgency" in ('NORMAL', 'URGENT', 'VERY_URGENT', 'FLASH')) not null, "secrecy" text check ("secrecy" in ('NONE', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET')) not null, "signer_name" varchar(200) null, "signer_position" varchar(200) null, "recipients" text null, "electronic" boolean not null, "arrival_number" int null, "arrived_on" date null, "registered_on" date not null, "register_year" int not null, "created_at" timestamptz not null, constraint "document_pkey" primary key ("id"));`);
    this.addSql(`create index "document_commune_id_registered_on_id_index" on "governance"."document" ("commune_id", "registered_on", "id");`);
    this.addSql(`create index "document_commune_id_register_year_direction_index" on "governance"."document" ("commune_id", "register_year", "direction");`);
    this.addSql(`alter table "governance"."document" add constraint "document_commune_id_register_year_arrival_number_unique" unique ("commune_id", "register_year", "arrival_number");`);
    this.addSql(`alter table "governance"."document" add constraint "document_commune_id_direction_issuer_key_issued_y_24e89_unique" unique ("commune_id", "direction", "issuer_key", "issued_year", "number", "symbol");`);

    this.addSql(`create table "governance"."document_signature" ("id" varchar(24) not null, "document_id" varchar(24) not null, "kind" text check ("kind" in ('SIGNER', 'ORGANIZATION')) not null, "signer_name" varchar(300) not null, "signer_position" varchar(200) null, "signed_at" timestamptz not null, "certificate_serial" varchar(100) not null, "certificate_issuer" varchar(300) not null, constraint "document_signature_pkey" primary key ("id"));`);
    this.addSql(`create index "document_signature_document_id_index" on "governance"."document_signature" ("document_id");`);
    this.addSql(`alter table "governance"."document_signature" add constraint "document_signature_document_id_kind_certificate_serial_unique" unique ("document_id", "kind", "certificate_serial");`);

    this.addSql(`create table "governance"."dossier" ("id" varchar(24) not null, "commune_id" varchar(16) not null, "code" varchar(64) not null, "procedure_code" varchar(32) not null, "procedure_name" varchar(500) not null, "procedure_field" varchar(200) not null, "channel" text check ("channel" in ('DIRECT', 'ONLINE', 'POSTAL')) not null, "online_level" text check ("online_level" in ('LEVEL_3', 'LEVEL_4', 'PARTIAL', 'FULL')) null, "received_at" timestamptz not null, "due_at" timestamptz not null, "completed_at" timestamptz null, "status" text check ("status" in ('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESOLVED', 'RETURNED', 'REJECTED', 'WITHDRAWN')) not null, "status_changed_at" timestamptz not null, "version" int not null default 1, "applicant_name" varchar(200) not null, "applicant_id_number" varchar(20) null, "applicant_phone" varchar(20) null, constraint "dossier_pkey" primary key ("id"));`);
    this.addSql(`create index "dossier_commune_received_covering" on "governance"."dossier" ("commune_id", "received_at", "id", "status", "channel", "due_at", "completed_at");`);
    this.addSql(`alter table "governance"."dossier" add constraint "dossier_commune_id_code_unique" unique ("commune_id", "code");`);

    this.addSql(`create table "governance"."dossier_status_change" ("id" varchar(24) not null, "dossier_id" varchar(24) not null, "from_status" text check ("from_status" in ('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESOLVED', 'RETURNED', 'REJECTED', 'WITHDRAWN')) null, "to_status" text check ("to_status" in ('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESOLVED', 'RETURNED', 'REJECTED', 'WITHDRAWN')) not null, "at" timestamptz not null, "recorded_by" varchar(200) not null, "recorded_at" timestamptz not null, constraint "dossier_status_change_pkey" primary key ("id"));`);
    this.addSql(`create index "dossier_status_change_dossier_id_at_index" on "governance"."dossier_status_change" ("dossier_id", "at");`);

    this.addSql(`create table "governance"."kpi_target" ("id" varchar(24) not null, "scope" text check ("scope" in ('PROVINCE', 'COMMUNE')) not null, "unit_id" varchar(16) not null, "year" int not null, "indicator" text check ("indicator" in ('ONLINE_RATE', 'ON_TIME_RATE', 'SIGNED_RATE')) not null, "minimum" double precision not null, "source" varchar(500) not null, constraint "kpi_target_pkey" primary key ("id"));`);
    this.addSql(`alter table "governance"."kpi_target" add constraint "kpi_target_unit_id_year_indicator_unique" unique ("unit_id", "year", "indicator");`);

    this.addSql(`create table "governance"."stated_figure" ("id" varchar(24) not null, "unit_id" varchar(16) not null, "year" int not null, "indicator" text check ("indicator" in ('ONLINE_RATE', 'ON_TIME_RATE', 'SIGNED_RATE')) not null, "value" double precision not null, "precision" double precision not null, "source" varchar(500) not null, "note" text null, constraint "stated_figure_pkey" primary key ("id"));`);
    this.addSql(`alter table "governance"."stated_figure" add constraint "stated_figure_unit_id_year_indicator_source_unique" unique ("unit_id", "year", "indicator", "source");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "governance"."document" cascade;`);

    this.addSql(`drop table if exists "governance"."document_signature" cascade;`);

    this.addSql(`drop table if exists "governance"."dossier" cascade;`);

    this.addSql(`drop table if exists "governance"."dossier_status_change" cascade;`);

    this.addSql(`drop table if exists "governance"."kpi_target" cascade;`);

    this.addSql(`drop table if exists "governance"."stated_figure" cascade;`);
  }

}
