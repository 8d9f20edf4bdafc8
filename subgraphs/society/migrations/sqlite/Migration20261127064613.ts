import { Migration } from '@mikro-orm/migrations';

export class Migration20261127064613 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`examination\` (\`id\` text not null, \`record_id\` text not null, \`examined_on\` date not null, \`examiner\` text not null, \`reason\` text not null, \`conclusion\` text null, \`icd10code\` text null, \`height_cm\` integer null, \`weight_kg\` double null, \`blood_pressure\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`examination_record_id_examined_on_index\` on \`examination\` (\`record_id\`, \`examined_on\`);`);

    this.addSql(`create table \`field_report\` (\`id\` text not null, \`commune_id\` text not null, \`receipt_code\` text not null, \`category\` text check (\`category\` in ('CONSTRUCTION_ORDER', 'ENVIRONMENTAL_SANITATION', 'TRAFFIC_INFRASTRUCTURE', 'URBAN_INFRASTRUCTURE', 'OTHER')) not null, \`description\` text not null, \`location_text\` text not null, \`latitude\` double null, \`longitude\` double null, \`photo_urls\` json not null, \`reporter_name\` text null, \`reporter_phone\` text null, \`reporter_email\` text null, \`reporter_subject\` text null, \`rate_key\` text null, \`status\` text check (\`status\` in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'REFUSED')) not null, \`assigned_unit\` text null, \`refusal_reason\` text null, \`resolution\` text null, \`received_at\` datetime not null, \`due_at\` datetime not null, \`resolved_at\` datetime null, \`resolved_on_time\` integer null, \`reopen_count\` integer not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`field_report_rate_key_received_at_index\` on \`field_report\` (\`rate_key\`, \`received_at\`);`);
    this.addSql(`create index \`field_report_commune_id_status_due_at_index\` on \`field_report\` (\`commune_id\`, \`status\`, \`due_at\`);`);
    this.addSql(`create index \`field_report_commune_id_received_at_index\` on \`field_report\` (\`commune_id\`, \`received_at\`);`);
    this.addSql(`create unique index \`field_report_receipt_code_unique\` on \`field_report\` (\`receipt_code\`);`);

    this.addSql(`create table \`field_report_event\` (\`id\` text not null, \`report_id\` text not null, \`at\` datetime not null, \`action\` text check (\`action\` in ('SUBMIT', 'ASSIGN', 'START', 'RESOLVE', 'REFUSE', 'REOPEN')) not null, \`from_status\` text check (\`from_status\` in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'REFUSED')) null, \`to_status\` text check (\`to_status\` in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'REFUSED')) not null, \`actor_subject\` text null, \`note\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`field_report_event_report_id_at_index\` on \`field_report_event\` (\`report_id\`, \`at\`);`);

    this.addSql(`create table \`field_report_sla\` (\`commune_id\` text not null, \`category\` text not null, \`working_days\` integer not null, \`updated_at\` datetime not null, \`updated_by\` text not null, primary key (\`commune_id\`, \`category\`));`);

    this.addSql(`create table \`health_history_entry\` (\`id\` text not null, \`record_id\` text not null, \`kind\` text check (\`kind\` in ('RISK_FACTOR', 'CHRONIC_DISEASE', 'ALLERGY', 'DISABILITY', 'SURGERY', 'FAMILY_HISTORY')) not null, \`description\` text not null, \`icd10code\` text null, \`since\` date null, primary key (\`id\`));`);
    this.addSql(`create index \`health_history_entry_record_id_index\` on \`health_history_entry\` (\`record_id\`);`);

    this.addSql(`create table \`health_record\` (\`id\` text not null, \`commune_id\` text not null, \`record_number\` text not null, \`full_name\` text not null, \`full_name_search\` text not null, \`sex\` text check (\`sex\` in ('MALE', 'FEMALE')) not null, \`birth_date\` date not null, \`ethnicity\` text null, \`village\` text null, \`citizen_id\` text null, \`health_insurance_number\` text null, \`phone\` text null, \`blood_type\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`health_record_commune_id_full_name_search_index\` on \`health_record\` (\`commune_id\`, \`full_name_search\`);`);
    this.addSql(`create unique index \`health_record_commune_id_record_number_unique\` on \`health_record\` (\`commune_id\`, \`record_number\`);`);

    this.addSql(`create table \`health_record_read\` (\`id\` text not null, \`commune_id\` text not null, \`record_id\` text not null, \`reader_subject\` text not null, \`reader_roles\` text not null, \`read_at\` datetime not null, \`via\` text not null, \`request_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`health_record_read_record_id_read_at_index\` on \`health_record_read\` (\`record_id\`, \`read_at\`);`);
    this.addSql(`create index \`health_record_read_commune_id_read_at_index\` on \`health_record_read\` (\`commune_id\`, \`read_at\`);`);

    this.addSql(`create table \`health_station\` (\`commune_id\` text not null, \`name\` text not null, \`population\` integer null, \`population_as_of\` date null, \`population_source\` text null, primary key (\`commune_id\`));`);

    this.addSql(`create table \`school\` (\`id\` text not null, \`commune_id\` text not null, \`name\` text not null, \`level\` text check (\`level\` in ('PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY', 'PRIMARY_AND_LOWER_SECONDARY', 'UPPER_SECONDARY')) not null, primary key (\`id\`));`);
    this.addSql(`create index \`school_commune_id_name_index\` on \`school\` (\`commune_id\`, \`name\`);`);

    this.addSql(`create table \`school_system\` (\`id\` text not null, \`school_id\` text not null, \`kind\` text check (\`kind\` in ('SCHOOL_MANAGEMENT', 'ELECTRONIC_RECORDS', 'E_LEARNING', 'PARENT_COMMUNICATION', 'OTHER')) not null, \`name\` text not null, \`provider\` text null, \`accounts_created_on\` date null, \`live_from\` date null, \`retired_on\` date null, \`source\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`school_system_school_id_index\` on \`school_system\` (\`school_id\`);`);

    this.addSql(`create table \`teleconsultation\` (\`id\` text not null, \`account_id\` text not null, \`commune_id\` text not null, \`scheduled_at\` datetime not null, \`specialist\` text not null, \`specialty\` text null, \`hospital\` text null, \`status\` text check (\`status\` in ('SCHEDULED', 'COMPLETED', 'CANCELLED')) not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`teleconsultation_account_id_scheduled_at_index\` on \`teleconsultation\` (\`account_id\`, \`scheduled_at\`);`);

    this.addSql(`create table \`telehealth_account\` (\`id\` text not null, \`commune_id\` text not null, \`platform\` text not null, \`provider\` text not null, \`status\` text check (\`status\` in ('CREATED', 'ACTIVE', 'SUSPENDED')) not null, \`created_on\` date null, \`handover_planned_on\` date null, \`handed_over_on\` date null, \`note\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`telehealth_account_commune_id_platform_unique\` on \`telehealth_account\` (\`commune_id\`, \`platform\`);`);

    this.addSql(`create table \`vaccination\` (\`id\` text not null, \`record_id\` text not null, \`vaccine\` text not null, \`dose\` integer not null, \`given_on\` date not null, \`place\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`vaccination_record_id_given_on_index\` on \`vaccination\` (\`record_id\`, \`given_on\`);`);
  }

}
