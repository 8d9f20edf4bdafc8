import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { HealthHistoryKind } from './health-history-entry.entity.js';
import { Sex } from './health-record.entity.js';
import { HealthRecordNode } from './health-record.type.js';

@InputType({ description: 'A new health record (part 1, administrative data) opened by a commune health station.' })
export class CreateHealthRecordInput {
  @Field(() => ID, { description: 'Commune.id of the station that holds the record.' })
  communeId!: string;

  @Field(() => String, { description: 'Full name, 2 to 200 characters.' })
  fullName!: string;

  @Field(() => Sex, { description: 'Sex.' })
  sex!: Sex;

  @Field(() => DateScalar, { description: 'Date of birth, not in the future.' })
  birthDate!: string;

  @Field(() => String, { nullable: true, description: 'Ethnicity (dân tộc).' })
  ethnicity?: string | null;

  @Field(() => String, { nullable: true, description: 'Village (thôn, xóm).' })
  village?: string | null;

  @Field(() => String, { nullable: true, description: 'Citizen identity number (CCCD), 12 digits.' })
  citizenId?: string | null;

  @Field(() => String, { nullable: true, description: 'Health insurance card number (mã thẻ BHYT): 2 letters and 13 digits.' })
  healthInsuranceNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Vietnamese phone number.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Blood group: A+, A-, B+, B-, AB+, AB-, O+ or O-.' })
  bloodType?: string | null;
}

@InputType({ description: 'A history entry (part 2) to add to a record.' })
export class AddHealthHistoryEntryInput {
  @Field(() => ID, { description: 'HealthRecord.id.' })
  recordId!: string;

  @Field(() => HealthHistoryKind, { description: 'Kind of entry.' })
  kind!: HealthHistoryKind;

  @Field(() => String, { description: 'The entry, 2 to 500 characters.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'ICD-10 code, e.g. "I10" or "E11.9".' })
  icd10Code?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Since when.' })
  since?: string | null;
}

@InputType({ description: 'A vaccine dose (part 3) given.' })
export class RecordVaccinationInput {
  @Field(() => ID, { description: 'HealthRecord.id.' })
  recordId!: string;

  @Field(() => String, { description: 'Vaccine, 2 to 100 characters.' })
  vaccine!: string;

  @Field(() => Int, { description: 'Dose number in its series, 1 to 10.' })
  dose!: number;

  @Field(() => DateScalar, { description: 'Date given, not in the future nor before birth.' })
  givenOn!: string;

  @Field(() => String, { description: 'Where, 2 to 200 characters.' })
  place!: string;
}

@InputType({ description: 'An examination (part 4).' })
export class RecordExaminationInput {
  @Field(() => ID, { description: 'HealthRecord.id.' })
  recordId!: string;

  @Field(() => DateScalar, { description: 'Date, not in the future nor before birth.' })
  examinedOn!: string;

  @Field(() => String, { description: 'Who examined, 2 to 200 characters.' })
  examiner!: string;

  @Field(() => String, { description: 'Why, 2 to 300 characters.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Conclusion, at most 500 characters.' })
  conclusion?: string | null;

  @Field(() => String, { nullable: true, description: 'ICD-10 code of the diagnosis.' })
  icd10Code?: string | null;

  @Field(() => Int, { nullable: true, description: 'Height in cm, 30 to 250.' })
  heightCm?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight in kg, 0.5 to 300.' })
  weightKg?: number | null;

  @Field(() => String, { nullable: true, description: 'Blood pressure "systolic/diastolic" in mmHg, e.g. "120/80".' })
  bloodPressure?: string | null;
}

function recordPayload(name: string, description: string) {
  @ObjectType(name, { description })
  class RecordPayload {
    @Field(() => HealthRecordNode, { description: 'The record as it is now (this read is audited).' })
    record!: HealthRecordNode;
  }
  return RecordPayload;
}

export const CreateHealthRecordPayload = recordPayload('CreateHealthRecordPayload', 'The record opened.');
export const AddHealthHistoryEntryPayload = recordPayload('AddHealthHistoryEntryPayload', 'The record with the new history entry.');
export const RecordVaccinationPayload = recordPayload('RecordVaccinationPayload', 'The record with the new vaccination.');
export const RecordExaminationPayload = recordPayload('RecordExaminationPayload', 'The record with the new examination.');
