import { Migration } from '@mikro-orm/migrations';

export class Migration20261127065620 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`document\` (\`id\` text not null, \`commune_id\` text not null, \`direction\` text check (\`direction\` in ('INCOMING', 'OUTGOING')) not null, \`number\` integer not null, \`symbol\` text not null, \`document_type\` text check (\`document_type\` in ('RESOLUTION', 'DECISION', 'DIRECTIVE', 'REGULATION', 'RULES', 'COMMUNIQUE', 'NOTICE', 'GUIDANCE', 'PROGRAMME', 'PLAN', 'SCHEME', 'PROPOSAL', 'PROJECT', 'REPORT', 'MINUTES', 'SUBMISSION', 'CONTRACT', 'OFFICIAL_LETTER', 'TELEGRAM', 'MEMORANDUM', 'AGREEMENT', 'AUTHORIZATION', 'INVITATION', 'INTRODUCTION', 'LEAVE_PERMIT', 'DISPATCH_SLIP', 'TRANSFER_SLIP', 'NOTIFICATION_SLIP', 'PUBLIC_LETTER', 'OTHER')) not null, \`issued_on\` date not null, \`issued_year\` integer not null, \`issued_place\` text null, \`issuing_body\` text not null, \`issuer_key\` text not null, \`subject\` text not null, \`subject_folded\` text not null, \`urgency\` text check (\`urgency\` in ('NORMAL', 'URGENT', 'VERY_URGENT', 'FLASH')) not null, \`secrecy\` text check (\`secrecy\` in ('NONE', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET')) not null, \`signer_name\` text null, \`signer_position\` text null, \`recipients\` text null, \`electronic\` integer not null, \`arrival_number\` integer null, \`arrived_on\` date null, \`registered_on\` date not null, \`register_year\` integer not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`document_commune_id_registered_on_id_index\` on \`document\` (\`commune_id\`, \`registered_on\`, \`id\`);`);
    this.addSql(`create index \`document_commune_id_register_year_direction_index\` on \`document\` (\`commune_id\`, \`register_year\`, \`direction\`);`);
    this.addSql(`create unique index \`document_commune_id_register_year_arrival_number_unique\` on \`document\` (\`commune_id\`, \`register_year\`, \`arrival_number\`);`);
    this.addSql(`create unique index \`document_commune_id_direction_issuer_key_issued_year_number_symbol_unique\` on \`document\` (\`commune_id\`, \`direction\`, \`issuer_key\`, \`issued_year\`, \`number\`, \`symbol\`);`);

    this.addSql(`create table \`document_signature\` (\`id\` text not null, \`document_id\` text not null, \`kind\` text check (\`kind\` in ('SIGNER', 'ORGANIZATION')) not null, \`signer_name\` text not null, \`signer_position\` text null, \`signed_at\` datetime not null, \`certificate_serial\` text not null, \`certificate_issuer\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`document_signature_document_id_index\` on \`document_signature\` (\`document_id\`);`);
    this.addSql(`create unique index \`document_signature_document_id_kind_certificate_serial_unique\` on \`document_signature\` (\`document_id\`, \`kind\`, \`certificate_serial\`);`);

    this.addSql(`create table \`dossier\` (\`id\` text not null, \`commune_id\` text not null, \`code\` text not null, \`procedure_code\` text not null, \`procedure_name\` text not null, \`procedure_field\` text not null, \`channel\` text check (\`channel\` in ('DIRECT', 'ONLINE', 'POSTAL')) not null, \`online_level\` text check (\`online_level\` in ('LEVEL_3', 'LEVEL_4', 'PARTIAL', 'FULL')) null, \`received_at\` datetime not null, \`due_at\` datetime not null, \`completed_at\` datetime null, \`status\` text check (\`status\` in ('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESOLVED', 'RETURNED', 'REJECTED', 'WITHDRAWN')) not null, \`status_changed_at\` datetime not null, \`version\` integer not null default 1, \`applicant_name\` text not null, \`applicant_id_number\` text null, \`applicant_phone\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`dossier_commune_received_covering\` on \`dossier\` (\`commune_id\`, \`received_at\`, \`id\`, \`status\`, \`channel\`, \`due_at\`, \`completed_at\`);`);
    this.addSql(`create unique index \`dossier_commune_id_code_unique\` on \`dossier\` (\`commune_id\`, \`code\`);`);

    this.addSql(`create table \`dossier_status_change\` (\`id\` text not null, \`dossier_id\` text not null, \`from_status\` text check (\`from_status\` in ('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESOLVED', 'RETURNED', 'REJECTED', 'WITHDRAWN')) null, \`to_status\` text check (\`to_status\` in ('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESOLVED', 'RETURNED', 'REJECTED', 'WITHDRAWN')) not null, \`at\` datetime not null, \`recorded_by\` text not null, \`recorded_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`dossier_status_change_dossier_id_at_index\` on \`dossier_status_change\` (\`dossier_id\`, \`at\`);`);

    this.addSql(`create table \`kpi_target\` (\`id\` text not null, \`scope\` text check (\`scope\` in ('PROVINCE', 'COMMUNE')) not null, \`unit_id\` text not null, \`year\` integer not null, \`indicator\` text check (\`indicator\` in ('ONLINE_RATE', 'ON_TIME_RATE', 'SIGNED_RATE')) not null, \`minimum\` double not null, \`source\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`kpi_target_unit_id_year_indicator_unique\` on \`kpi_target\` (\`unit_id\`, \`year\`, \`indicator\`);`);

    this.addSql(`create table \`stated_figure\` (\`id\` text not null, \`unit_id\` text not null, \`year\` integer not null, \`indicator\` text check (\`indicator\` in ('ONLINE_RATE', 'ON_TIME_RATE', 'SIGNED_RATE')) not null, \`value\` double not null, \`precision\` double not null, \`source\` text not null, \`note\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`stated_figure_unit_id_year_indicator_source_unique\` on \`stated_figure\` (\`unit_id\`, \`year\`, \`indicator\`, \`source\`);`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`administrative_unit__temp_alter\` (\`id\` text not null, \`code\` text not null, \`level\` text check (\`level\` in ('PROVINCE', 'DISTRICT', 'COMMUNE')) not null, \`kind\` text check (\`kind\` in ('COMMUNE', 'WARD', 'TOWNSHIP', 'SPECIAL_ZONE')) null, \`name\` text not null, \`province_id\` text null, \`district_id\` text null, \`valid_from\` date null, \`valid_to\` date null, \`legal_basis\` text null, primary key (\`id\`));`);
    this.addSql(`insert into \`administrative_unit__temp_alter\` select \`id\`, \`code\`, \`level\`, \`kind\`, \`name\`, \`province_id\`, \`district_id\`, \`valid_from\`, \`valid_to\`, \`legal_basis\` from \`administrative_unit\`;`);
    this.addSql(`drop table \`administrative_unit\`;`);
    this.addSql(`alter table \`administrative_unit__temp_alter\` rename to \`administrative_unit\`;`);
    this.addSql(`create index \`administrative_unit_level_code_valid_from_index\` on \`administrative_unit\` (\`level\`, \`code\`, \`valid_from\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
