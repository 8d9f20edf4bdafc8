import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { FieldReportCategory } from './field-report.entity.js';
import { FieldReportNode, FieldReportSlaRule } from './field-report.type.js';

@InputType({ description: 'Where the problem is.' })
export class FieldReportLocationInput {
  @Field(() => String, { description: 'Address or landmark, 3 to 300 characters.' })
  address!: string;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS 84); give it with longitude.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS 84); give it with latitude.' })
  longitude?: number | null;
}

@InputType({ description: 'How the commune can reach the reporter; never shown publicly.' })
export class FieldReportReporterInput {
  @Field(() => String, { nullable: true, description: 'Name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Vietnamese phone number, e.g. "0912 345 678" or "+84912345678".' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email?: string | null;
}

@InputType({ description: 'A new field report. Anyone may send one; without a token, sending is rate-limited.' })
export class SubmitFieldReportInput {
  @Field(() => ID, { description: 'Commune.id of the commune the report is for, e.g. "05068/1".' })
  communeId!: string;

  @Field(() => FieldReportCategory, { description: 'What the report is about.' })
  category!: FieldReportCategory;

  @Field(() => String, { description: 'What is wrong, 10 to 4000 characters.' })
  description!: string;

  @Field(() => FieldReportLocationInput, { description: 'Where.' })
  location!: FieldReportLocationInput;

  @Field(() => [String], { nullable: true, description: 'Photo URLs (http or https), at most 10.' })
  photoUrls?: string[] | null;

  @Field(() => FieldReportReporterInput, { nullable: true, description: 'How to reach the reporter (optional, never public).' })
  reporter?: FieldReportReporterInput | null;
}

@InputType({ description: 'Assign a report to the unit that will handle it (also reassigns an open report).' })
export class AssignFieldReportInput {
  @Field(() => ID, { description: 'FieldReport.id.' })
  reportId!: string;

  @Field(() => String, { description: 'The unit, e.g. "Ban Địa chính - Xây dựng", 2 to 200 characters.' })
  unit!: string;
}

@InputType({ description: 'The assigned unit starts work on a report.' })
export class StartFieldReportInput {
  @Field(() => ID, { description: 'FieldReport.id.' })
  reportId!: string;

  @Field(() => String, { nullable: true, description: 'Optional note, at most 2000 characters.' })
  note?: string | null;
}

@InputType({ description: 'Close a report as resolved.' })
export class ResolveFieldReportInput {
  @Field(() => ID, { description: 'FieldReport.id.' })
  reportId!: string;

  @Field(() => String, { description: 'What was done, 3 to 2000 characters; shown publicly.' })
  resolution!: string;
}

@InputType({ description: 'Refuse a report (not the commune\'s matter, duplicate, not true...).' })
export class RefuseFieldReportInput {
  @Field(() => ID, { description: 'FieldReport.id.' })
  reportId!: string;

  @Field(() => String, { description: 'Why, 3 to 2000 characters; shown publicly.' })
  reason!: string;
}

@InputType({ description: 'The reporter reopens a resolved or refused report with its receipt code.' })
export class ReopenFieldReportInput {
  @Field(() => String, { description: 'The receipt code given when the report was sent.' })
  receiptCode!: string;

  @Field(() => String, { description: 'Why it is not settled, 3 to 2000 characters.' })
  reason!: string;
}

@InputType({ description: 'Set how many working days a commune gives itself to resolve reports.' })
export class SetFieldReportSlaInput {
  @Field(() => ID, { description: 'Commune.id.' })
  communeId!: string;

  @Field(() => FieldReportCategory, { nullable: true, description: 'The category it applies to; omit for the commune\'s default.' })
  category?: FieldReportCategory | null;

  @Field(() => Int, { description: 'Working days, 1 to 60.' })
  workingDays!: number;
}

@ObjectType({ description: 'The report sent, and the receipt code to follow and reopen it.' })
export class SubmitFieldReportPayload {
  @Field(() => FieldReportNode, { description: 'The report as received.' })
  report!: FieldReportNode;

  @Field(() => String, { description: 'Receipt code: keep it to follow the report (fieldReportByReceipt) and reopen it. Shown only here.' })
  receiptCode!: string;
}

function reportPayload(name: string, description: string) {
  @ObjectType(name, { description })
  class ReportPayload {
    @Field(() => FieldReportNode, { description: 'The report as it is now.' })
    report!: FieldReportNode;
  }
  return ReportPayload;
}

export const AssignFieldReportPayload = reportPayload('AssignFieldReportPayload', 'The report, assigned.');
export const StartFieldReportPayload = reportPayload('StartFieldReportPayload', 'The report, in progress.');
export const ResolveFieldReportPayload = reportPayload('ResolveFieldReportPayload', 'The report, resolved.');
export const RefuseFieldReportPayload = reportPayload('RefuseFieldReportPayload', 'The report, refused.');
export const ReopenFieldReportPayload = reportPayload('ReopenFieldReportPayload', 'The report, received again with a new due time.');

@ObjectType({ description: 'The commune\'s service levels after the change.' })
export class SetFieldReportSlaPayload {
  @Field(() => [FieldReportSlaRule], { description: 'The SLA of every category in the commune, as now in force.' })
  rules!: FieldReportSlaRule[];
}
