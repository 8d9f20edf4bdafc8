import { Migration } from '@mikro-orm/migrations';

export class Migration20261127064613 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "society";`);
    this.addSql(`create table "society"."examination" ("id" varchar(48) not null, "record_id" varchar(36) not null, "examined_on" date not null, "examiner" varchar(200) not null, "reason" varchar(300) not null, "conclusion" varchar(500) null, "icd10code" varchar(10) null, "height_cm" int null, "weight_kg" double precision null, "blood_pressure" varchar(7) null, constraint "examination_pkey" primary key ("id"));`);
    this.addSql(`create index "examination_record_id_examined_on_index" on "society"."examination" ("record_id", "examined_on");`);

    this.addSql(`create table "society"."field_report" ("id" varchar(36) not null, "commune_id" varchar(16) not null, "receipt_code" varchar(20) not null, "category" text check ("category" in ('CONSTRUCTION_ORDER', 'ENVIRONMENTAL_SANITATION', 'TRAFFIC_INFRASTRUCTURE', 'URBAN_INFRASTRUCTURE', 'OTHER')) not null, "description" text not null, "location_text" varchar(300) not null, "latitude" double precision null, "longitude" double precision null, "photo_urls" jsonb not null, "reporter_name" varchar(200) null, "reporter_phone" varchar(20) null, "reporter_email" varchar(200) null, "reporter_subject" varchar(200) null, "rate_key" varchar(64) null, "status" text check ("status" in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'REFUSED')) not null, "assigned_unit" varchar(200) null, "refusal_reason" text null, "resolution" text null, "received_at" timestamptz not null, "due_at" timestamptz not null, "resolved_at" timestamptz null, "resolved_on_time" boolean null, "reopen_count" int not null, "updated_at" timestamptz not null, constraint "field_report_pkey" primary key ("id"));`);
    this.addSql(`create index "field_report_rate_key_received_at_index" on "society"."field_report" ("rate_key", "received_at");`);
    this.addSql(`create index "field_report_commune_id_status_due_at_index" on "society"."field_report" ("commune_id", "status", "due_at");`);
    this.addSql(`create index "field_report_commune_id_received_at_index" on "society"."field_report" ("commune_id", "received_at");`);
    this.addSql(`alter table "society"."field_report" add constraint "field_report_receipt_code_unique" unique ("receipt_code");`);

    this.addSql(`create table "society"."field_report_event" ("id" varchar(36) not null, "report_id" varchar(36) not null, "at" timestamptz not null, "action" text check ("action" in ('SUBMIT', 'ASSIGN', 'START', 'RESOLVE', 'REFUSE', 'REOPEN')) not null, "from_status" text check ("from_status" in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'REFUSED')) null, "to_status" text check ("to_status" in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'REFUSED')) not null, "actor_subject" varchar(200) null, "note" text null, constraint "field_report_event_pkey" primary key ("id"));`);
    this.addSql(`create index "field_report_event_report_id_at_index" on "society"."field_report_event" ("report_id", "at");`);

    this.addSql(`create table "society"."field_report_sla" ("commune_id" varchar(16) not null, "category" varchar(32) not null, "working_days" int not null, "updated_at" timestamptz not null, "updated_by" varchar(200) not null, constraint "field_report_sla_pkey" primary key ("commune_id", "category"));`);

    this.addSql(`create table "society"."health_history_entry" ("id" varchar(48) not null, "record_id" varchar(36) not null, "kind" text check ("kind" in ('RISK_FACTOR', 'CHRONIC_DISEASE', 'ALLERGY', 'DISABILITY', 'SURGERY', 'FAMILY_HISTORY')) not null, "description" varchar(500) not null, "icd10code" varchar(10) null, "since" date null, constraint "health_history_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "health_history_entry_record_id_index" on "society"."health_history_entry" ("record_id");`);

    this.addSql(`create table "society"."health_record" ("id" varchar(36) not null, "commune_id" varchar(16) not null, "record_number" varchar(32) not null, "full_name" varchar(200) not null, "full_name_search" varchar(200) not null, "sex" text check ("sex" in ('MALE', 'FEMALE')) not null, "birth_date" date not null, "ethnicity" varchar(50) null, "village" varchar(100) null, "citizen_id" varchar(12) null, "health_insurance_number" varchar(15) null, "phone" varchar(20) null, "blood_type" varchar(3) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "health_record_pkey" primary key ("id"));`);
    this.addSql(`create index "health_record_commune_id_full_name_search_index" on "society"."health_record" ("commune_id", "full_name_search");`);
    this.addSql(`alter table "society"."health_record" add constraint "health_record_commune_id_record_number_unique" unique ("commune_id", "record_number");`);

    this.addSql(`create table "society"."health_record_read" ("id" varchar(36) not null, "commune_id" varchar(16) not null, "record_id" varchar(36) not null, "reader_subject" varchar(200) not null, "reader_roles" varchar(200) not null, "read_at" timestamptz not null, "via" varchar(100) not null, "request_id" varchar(128) not null, constraint "health_record_read_pkey" primary key ("id"));`);
    this.addSql(`create index "health_record_read_record_id_read_at_index" on "society"."health_record_read" ("record_id", "read_at");`);
    this.addSql(`create index "health_record_read_commune_id_read_at_index" on "society"."health_record_read" ("commune_id", "read_at");`);

    this.addSql(`create table "society"."health_station" ("commune_id" varchar(16) not null, "name" varchar(200) not null, "population" int null, "population_as_of" date null, "population_source" varchar(500) null, constraint "health_station_pkey" primary key ("commune_id"));`);

    this.addSql(`create table "society"."school" ("id" varchar(48) not null, "commune_id" varchar(16) not null, "name" varchar(200) not null, "level" text check ("level" in ('PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY', 'PRIMARY_AND_LOWER_SECONDARY', 'UPPER_SECONDARY')) not null, constraint "school_pkey" primary key ("id"));`);
    this.addSql(`create index "school_commune_id_name_index" on "society"."school" ("commune_id", "name");`);

    this.addSql(`create table "society"."school_system" ("id" varchar(64) not null, "school_id" varchar(48) not null, "kind" text check ("kind" in ('SCHOOL_MANAGEMENT', 'ELECTRONIC_RECORDS', 'E_LEARNING', 'PARENT_COMMUNICATION', 'OTHER')) not null, "name" varchar(200) not null, "provider" varchar(200) null, "accounts_created_on" date null, "live_from" date null, "retired_on" date null, "source" varchar(300) null, constraint "school_system_pkey" primary key ("id"));`);
    this.addSql(`create index "school_system_school_id_index" on "society"."school_system" ("school_id");`);

    this.addSql(`create table "society"."teleconsultation" ("id" varchar(36) not null, "account_id" varchar(48) not null, "commune_id" varchar(16) not null, "scheduled_at" timestamptz not null, "specialist" varchar(200) not null, "specialty" varchar(100) null, "hospital" varchar(200) null, "status" text check ("status" in ('SCHEDULED', 'COMPLETED', 'CANCELLED')) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "teleconsultation_pkey" primary key ("id"));`);
    this.addSql(`create index "teleconsultation_account_id_scheduled_at_index" on "society"."teleconsultation" ("account_id", "scheduled_at");`);

    this.addSql(`create table "society"."telehealth_account" ("id" varchar(48) not null, "commune_id" varchar(16) not null, "platform" varchar(100) not null, "provider" varchar(200) not null, "status" text check ("status" in ('CREATED', 'ACTIVE', 'SUSPENDED')) not null, "created_on" date null, "handover_planned_on" date null, "handed_over_on" date null, "note" varchar(500) null, constraint "telehealth_account_pkey" primary key ("id"));`);
    this.addSql(`alter table "society"."telehealth_account" add constraint "telehealth_account_commune_id_platform_unique" unique ("commune_id", "platform");`);

    this.addSql(`create table "society"."vaccination" ("id" varchar(48) not null, "record_id" varchar(36) not null, "vaccine" varchar(100) not null, "dose" int not null, "given_on" date not null, "place" varchar(200) not null, constraint "vaccination_pkey" primary key ("id"));`);
    this.addSql(`create index "vaccination_record_id_given_on_index" on "society"."vaccination" ("record_id", "given_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "society"."examination" cascade;`);

    this.addSql(`drop table if exists "society"."field_report" cascade;`);

    this.addSql(`drop table if exists "society"."field_report_event" cascade;`);

    this.addSql(`drop table if exists "society"."field_report_sla" cascade;`);

    this.addSql(`drop table if exists "society"."health_history_entry" cascade;`);

    this.addSql(`drop table if exists "society"."health_record" cascade;`);

    this.addSql(`drop table if exists "society"."health_record_read" cascade;`);

    this.addSql(`drop table if exists "society"."health_station" cascade;`);

    this.addSql(`drop table if exists "society"."school" cascade;`);

    this.addSql(`drop table if exists "society"."school_system" cascade;`);

    this.addSql(`drop table if exists "society"."teleconsultation" cascade;`);

    this.addSql(`drop table if exists "society"."telehealth_account" cascade;`);

    this.addSql(`drop table if exists "society"."vaccination" cascade;`);

    this.addSql(`drop schema if exists "society";`);
  }

}
