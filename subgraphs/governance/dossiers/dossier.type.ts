import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { DossierChannel, DossierStatus, OnlineLevel } from './dossier-enums.js';

registerEnumType(DossierChannel, {
  name: 'DossierChannel',
  description: 'How the dossier was submitted (Decree 42/2022/NĐ-CP).',
  valuesConfig: {
    DIRECT: { description: 'At the one-stop desk (trực tiếp).' },
    ONLINE: { description: 'Through the public-service portal (trực tuyến).' },
    POSTAL: { description: 'Through the public postal service (bưu chính công ích).' },
  },
});
registerEnumType(OnlineLevel, {
  name: 'OnlineLevel',
  description: 'Online public-service level: LEVEL_3/LEVEL_4 before 2022-08-15, PARTIAL/FULL (một phần/toàn trình) from then (Decree 42/2022).',
});
registerEnumType(DossierStatus, {
  name: 'DossierStatus',
  description: 'Where a dossier stands. RESOLVED, RETURNED, REJECTED and WITHDRAWN are final.',
  valuesConfig: {
    RECEIVED: { description: 'Received, not yet being handled (tiếp nhận).' },
    PROCESSING: { description: 'Being handled (đang xử lý).' },
    SUPPLEMENT_REQUESTED: { description: 'The applicant was asked to complete the dossier (yêu cầu bổ sung).' },
    RESOLVED: { description: 'Result issued (đã giải quyết); on time when completedAt ≤ dueAt.' },
    RETURNED: { description: 'Handed back without a result (trả lại).' },
    REJECTED: { description: 'Refused, with a reason (từ chối).' },
    WITHDRAWN: { description: 'Withdrawn by the applicant (rút hồ sơ).' },
  },
});

@ObjectType({ description: 'The person or organisation who submitted a dossier. Personal data: officers of the commune only; reads are audited.' })
export class DossierApplicant {
  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Identity card number (CCCD), if given.' })
  idNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number, if given.' })
  phone!: string | null;
}

@ObjectType({ description: 'One status change of a dossier recorded through the hub (receiveDossier, changeDossierStatus).' })
export class DossierStatusChangeView {
  @Field(() => DossierStatus, { nullable: true, description: 'The status before; null for the reception.' })
  fromStatus!: DossierStatus | null;

  @Field(() => DossierStatus, { description: 'The status after.' })
  toStatus!: DossierStatus;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field(() => String, { description: 'Who recorded it (the officer\'s token subject).' })
  recordedBy!: string;
}

@ObjectType('Dossier', { description: 'An administrative procedure dossier (hồ sơ thủ tục hành chính) received at a commune\'s one-stop desk.' })
export class DossierView {
  @Field(() => ID, { description: 'Stable id, derived from the commune and the dossier code.' })
  id!: string;

  @Field(() => ID, { description: 'Commune.id of the receiving commune.' })
  communeId!: string;

  @Field(() => String, { description: 'Dossier code (mã hồ sơ) as printed on the receipt; unique within the commune.' })
  code!: string;

  @Field(() => String, { description: 'Procedure code in the national database of administrative procedures, e.g. "1.001193".' })
  procedureCode!: string;

  @Field(() => String, { description: 'Procedure name, e.g. "Đăng ký khai sinh".' })
  procedureName!: string;

  @Field(() => String, { description: 'Procedure field (lĩnh vực), e.g. "Hộ tịch".' })
  procedureField!: string;

  @Field(() => DossierChannel, { description: 'How it was submitted.' })
  channel!: DossierChannel;

  @Field(() => OnlineLevel, { nullable: true, description: 'Online level, for online dossiers.' })
  onlineLevel!: OnlineLevel | null;

  @Field(() => Date, { description: 'When it was received.' })
  receivedAt!: Date;

  @Field(() => Date, { description: 'When the result is due (hạn trả kết quả).' })
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it reached a final status; null while open.' })
  completedAt!: Date | null;

  @Field(() => DossierStatus, { description: 'Current status.' })
  status!: DossierStatus;

  @Field(() => Date, { description: 'When the status last changed.' })
  statusChangedAt!: Date;

  /** Internal: the applicant, exposed only through the audited field resolver. */
  applicant!: DossierApplicant;
}

export const { ConnectionType: DossierConnection } = connectionTypes(DossierView, 'Dossier', 'dossier');

@InputType({ description: 'Filters of a dossier list; all optional, combined with AND.' })
export class DossierFilter {
  @Field(() => [DossierStatus], { nullable: true, description: 'Only dossiers in one of these statuses.' })
  statuses?: DossierStatus[];

  @Field(() => DossierChannel, { nullable: true, description: 'Only dossiers of this channel.' })
  channel?: DossierChannel;

  @Field(() => Boolean, { nullable: true, description: 'true: only open dossiers (received, processing, supplement requested) past their due time now; false: all others.' })
  overdueNow?: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Only dossiers received on or after this day (Asia/Ho_Chi_Minh).' })
  receivedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only dossiers received on or before this day (Asia/Ho_Chi_Minh).' })
  receivedTo?: string;

  @Field(() => String, { nullable: true, description: 'Only dossiers of this procedure code.' })
  procedureCode?: string;
}

@InputType({ description: 'The applicant of a dossier.' })
export class DossierApplicantInput {
  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Identity card number (CCCD): 9 or 12 digits.' })
  idNumber?: string;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string;
}

@InputType({ description: 'A dossier received at the one-stop desk.' })
export class ReceiveDossierInput {
  @Field(() => ID, { description: 'Commune.id of the receiving commune.' })
  communeId!: string;

  @Field(() => String, { description: 'Dossier code (mã hồ sơ), unique within the commune.' })
  code!: string;

  @Field(() => String, { description: 'Procedure code, e.g. "1.001193".' })
  procedureCode!: string;

  @Field(() => String, { description: 'Procedure name.' })
  procedureName!: string;

  @Field(() => String, { description: 'Procedure field (lĩnh vực).' })
  procedureField!: string;

  @Field(() => DossierChannel, { description: 'How it was submitted.' })
  channel!: DossierChannel;

  @Field(() => OnlineLevel, { nullable: true, description: 'Required for ONLINE: LEVEL_3/LEVEL_4 before 2022-08-15, PARTIAL/FULL from then.' })
  onlineLevel?: OnlineLevel;

  @Field(() => Date, { description: 'When it was received: not in the future.' })
  receivedAt!: Date;

  @Field(() => Date, { description: 'When the result is due: after receivedAt.' })
  dueAt!: Date;

  @Field(() => DossierApplicantInput, { description: 'Who submitted it.' })
  applicant!: DossierApplicantInput;
}

@InputType({ description: 'A status change of a dossier, following the allowed transitions.' })
export class ChangeDossierStatusInput {
  @Field(() => ID, { description: 'Dossier.id.' })
  dossierId!: string;

  @Field(() => DossierStatus, { description: 'The new status.' })
  status!: DossierStatus;

  @Field(() => Date, { nullable: true, description: 'When it happened (default now): not before receivedAt or the last change, not in the future.' })
  at?: Date;
}

@ObjectType({ description: 'The result of receiveDossier.' })
export class ReceiveDossierPayload {
  @Field(() => DossierView, { description: 'The received dossier.' })
  dossier!: DossierView;
}

@ObjectType({ description: 'The result of changeDossierStatus.' })
export class ChangeDossierStatusPayload {
  @Field(() => DossierView, { description: 'The dossier after the change.' })
  dossier!: DossierView;

  @Field(() => DossierStatus, { description: 'The status before the change.' })
  previousStatus!: DossierStatus;
}
