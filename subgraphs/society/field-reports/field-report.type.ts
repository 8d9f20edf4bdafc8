import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { FieldReportAction } from './field-report-event.entity.js';
import { FieldReportCategory, FieldReportStatus } from './field-report.entity.js';
import type { CategorySla } from './field-report-sla.query.js';

registerEnumType(FieldReportCategory, {
  name: 'FieldReportCategory',
  description: 'What a field report is about: trật tự xây dựng, vệ sinh môi trường, hạ tầng giao thông, hạ tầng đô thị, or other.',
  valuesConfig: {
    CONSTRUCTION_ORDER: { description: 'Construction order (trật tự xây dựng).' },
    ENVIRONMENTAL_SANITATION: { description: 'Environmental sanitation (vệ sinh môi trường).' },
    TRAFFIC_INFRASTRUCTURE: { description: 'Traffic infrastructure (hạ tầng giao thông).' },
    URBAN_INFRASTRUCTURE: { description: 'Urban infrastructure (hạ tầng đô thị).' },
    OTHER: { description: 'Anything else.' },
  },
});
registerEnumType(FieldReportStatus, {
  name: 'FieldReportStatus',
  description: 'Where a field report stands: RECEIVED → ASSIGNED → IN_PROGRESS → RESOLVED, or REFUSED with a reason; a reopened report is RECEIVED again.',
});
registerEnumType(FieldReportAction, { name: 'FieldReportAction', description: 'A step of the field-report workflow.' });

@ObjectType({ description: 'Where the reported problem is.' })
export class FieldReportLocation {
  @Field(() => String, { description: 'Address or landmark as the reporter gave it.' })
  address!: string;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS 84), when the reporter shared a position.' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS 84), when the reporter shared a position.' })
  longitude!: number | null;
}

@ObjectType({ description: 'How to reach the reporter. Personal data: the commune\'s officers only.' })
export class FieldReportReporter {
  @Field(() => String, { nullable: true, description: 'Name the reporter gave.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number, normalised to 0xxxxxxxxx.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email!: string | null;

  @Field(() => Boolean, { description: 'True when the report was sent without an account.' })
  anonymous!: boolean;
}

@ObjectType({ description: 'One step of a report\'s history.' })
export class FieldReportHistoryEntry {
  @Field(() => Date, { description: 'When.' })
  at!: Date;

  @Field(() => FieldReportAction, { description: 'What was done.' })
  action!: FieldReportAction;

  @Field(() => FieldReportStatus, { nullable: true, description: 'Status before; null for the submission.' })
  fromStatus!: FieldReportStatus | null;

  @Field(() => FieldReportStatus, { description: 'Status after.' })
  toStatus!: FieldReportStatus;

  @Field(() => String, { nullable: true, description: 'The unit assigned, the refusal reason, the resolution or the reopen reason.' })
  note!: string | null;
}

@ObjectType('FieldReport', {
  description: 'A field report (phản ánh hiện trường) a citizen sent to a commune. Public except the reporter\'s contact.',
})
export class FieldReportNode {
  @Field(() => ID, { description: 'Stable identifier of the report.' })
  id!: string;

  @Field(() => FieldReportCategory, { description: 'What the report is about.' })
  category!: FieldReportCategory;

  @Field(() => String, { description: 'The reporter\'s description, NFC.' })
  description!: string;

  @Field(() => [String], { description: 'URLs of the photos sent with the report.' })
  photoUrls!: string[];

  @Field(() => FieldReportStatus, { description: 'Current status.' })
  status!: FieldReportStatus;

  @Field(() => String, { nullable: true, description: 'The unit (ban, ngành, thôn) handling the report.' })
  assignedUnit!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the report was refused; set while REFUSED.' })
  refusalReason!: string | null;

  @Field(() => String, { nullable: true, description: 'What was done; set while RESOLVED.' })
  resolution!: string | null;

  @Field(() => Date, { description: 'When the commune received the report.' })
  receivedAt!: Date;

  @Field(() => Date, { description: 'When it is due: received (or last reopened) + the SLA\'s working days.' })
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was resolved; null while not resolved.' })
  resolvedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'resolvedAt ≤ dueAt; null while not resolved.' })
  resolvedOnTime!: boolean | null;

  @Field(() => Int, { description: 'How many times the reporter reopened it.' })
  reopenCount!: number;

  @Field(() => Date, { description: 'When the report last changed.' })
  updatedAt!: Date;

  /** Internal, resolved by field resolvers. */
  communeId!: string;
  locationText!: string;
  latitude?: number | null;
  longitude?: number | null;
}

export const { ConnectionType: FieldReportConnection } = connectionTypes(FieldReportNode, 'FieldReport', 'field report');

@ObjectType({ description: 'Field-report KPIs of a commune over the reports received in the period asked (all time by default).' })
export class FieldReportStats {
  @Field(() => Int, { description: 'Reports received.' })
  received!: number;

  @Field(() => Int, { description: 'Reports open now (RECEIVED, ASSIGNED or IN_PROGRESS).' })
  open!: number;

  @Field(() => Int, { description: 'Reports resolved (status RESOLVED).' })
  resolved!: number;

  @Field(() => Int, { description: 'Resolved reports whose resolvedAt ≤ dueAt.' })
  resolvedOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'resolvedOnTimeRate = resolvedOnTime ÷ resolved, in 0..1; null when none is resolved.' })
  resolvedOnTimeRate!: number | null;

  @Field(() => Int, { description: 'Reports refused.' })
  refused!: number;

  @Field(() => Int, { description: 'overdueNow = open reports whose dueAt is already past.' })
  overdueNow!: number;
}

@ObjectType({ description: 'The service level a commune gives one category of report.' })
export class FieldReportSlaRule {
  @Field(() => FieldReportCategory, { description: 'The category.' })
  category!: FieldReportCategory;

  @Field(() => Int, { description: 'Working days (Monday to Friday, Asia/Ho_Chi_Minh) from receipt to the due time.' })
  workingDays!: number;

  @Field(() => String, { description: 'Where the figure comes from: CATEGORY (set for this category), COMMUNE (the commune\'s default) or HUB_DEFAULT (5 working days).' })
  source!: string;
}

/** Each category's SLA as a query or the setFieldReportSla command returns it, as the GraphQL object. */
export function toSlaRules(slas: readonly CategorySla[]): FieldReportSlaRule[] {
  return slas.map((sla) => Object.assign(new FieldReportSlaRule(), sla));
}
