import { PART_OF_PARENT } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { HealthHistoryKind } from './health-history-entry.entity.js';
import { Sex } from './health-record.entity.js';

registerEnumType(Sex, { name: 'Sex', description: 'Sex as recorded on the health record.' });
registerEnumType(HealthHistoryKind, {
  name: 'HealthHistoryKind',
  description: 'Kinds of history entries (tiền sử) of Decision 831/QĐ-BYT: risk factors, chronic diseases, allergies, disabilities, surgeries, family history.',
});

@ObjectType({ description: 'Part 1 of a Decision 831 health record: who the resident is and how to reach them. Personal data.' })
export class HealthAdministrativeData {
  @Field(() => String, { description: 'Full name, NFC.' })
  fullName!: string;

  @Field(() => Sex, { description: 'Sex.' })
  sex!: Sex;

  @Field(() => DateScalar, { description: 'Date of birth.' })
  birthDate!: string;

  @Field(() => String, { nullable: true, description: 'Ethnicity (dân tộc), e.g. "Mường".' })
  ethnicity!: string | null;

  @Field(() => String, { nullable: true, description: 'Village (thôn, xóm) of residence.' })
  village!: string | null;

  @Field(() => String, { nullable: true, description: 'Citizen identity number (CCCD, 12 digits); null for young children.' })
  citizenId!: string | null;

  @Field(() => String, { nullable: true, description: 'Health insurance card number (mã thẻ BHYT).' })
  healthInsuranceNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Blood group, ABO and Rh (e.g. "O+"); null when not tested.' })
  bloodType!: string | null;
}

@ObjectType('HealthHistoryEntry', { description: 'Part 2 of a Decision 831 record: one history entry (risk factor, disease, allergy, disability, surgery, family history).' })
export class HealthHistoryItem {
  @Field(() => HealthHistoryKind, { description: 'What kind of entry this is.' })
  kind!: HealthHistoryKind;

  @Field(() => String, { description: 'The entry as recorded, e.g. "Tăng huyết áp" or "Dị ứng penicillin".' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'ICD-10 code when the entry is a diagnosis, e.g. "I10".' })
  icd10Code!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Since when; null when unknown.' })
  since!: string | null;
}

@ObjectType('Vaccination', { description: 'Part 3 of a Decision 831 record: one vaccine dose given.' })
export class VaccinationItem {
  @Field(() => String, { description: 'Vaccine, e.g. "BCG", "Sởi - Rubella (MR)", "COVID-19 (AstraZeneca)".' })
  vaccine!: string;

  @Field(() => Int, { description: 'Dose number in its series, from 1.' })
  dose!: number;

  @Field(() => DateScalar, { description: 'Date the dose was given.' })
  givenOn!: string;

  @Field(() => String, { description: 'Where it was given, e.g. "Trạm y tế xã Nam Thượng".' })
  place!: string;
}

@ObjectType('Examination', { description: 'Part 4 of a Decision 831 record: one examination (check-up or visit).' })
export class ExaminationItem {
  @Field(() => DateScalar, { description: 'Date of the examination.' })
  examinedOn!: string;

  @Field(() => String, { description: 'Who examined (name and title).' })
  examiner!: string;

  @Field(() => String, { description: 'Why: periodic check-up, symptoms, follow-up.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Conclusion or diagnosis as written.' })
  conclusion!: string | null;

  @Field(() => String, { nullable: true, description: 'ICD-10 code of the diagnosis.' })
  icd10Code!: string | null;

  @Field(() => Int, { nullable: true, description: 'Height in centimetres.' })
  heightCm!: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight in kilograms.' })
  weightKg!: number | null;

  @Field(() => String, { nullable: true, description: 'Blood pressure, systolic/diastolic mmHg, e.g. "120/80".' })
  bloodPressure!: string | null;
}

@ObjectType('HealthRecord', {
  description:
    'A resident\'s health record (hồ sơ sức khỏe, Decision 831/QĐ-BYT) held by the commune health station. ' +
    'Readable only by health staff of that commune; every read is written to the station\'s audit log.',
})
export class HealthRecordNode {
  @Field(() => ID, { description: 'Stable identifier of the record.' })
  id!: string;

  @Field(() => String, { description: 'The station\'s record number, unique within the commune.' })
  recordNumber!: string;

  @Field(() => Date, { description: 'When the record was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the record last changed.' })
  updatedAt!: Date;

  /** Internal: resolved by field resolvers. */
  communeId!: string;
}

export const { ConnectionType: HealthRecordConnection } = connectionTypes(HealthRecordNode, 'HealthRecord', 'health record');

@ObjectType({ description: 'Public aggregate of a commune\'s health records: no personal data.' })
@Directive(PART_OF_PARENT)
export class HealthRecordStats {
  @Field(() => Int, { description: 'Number of health records the commune health station holds.' })
  records!: number;

  @Field(() => Int, { nullable: true, description: 'Population of the commune the coverage divides by; null when unknown. See populationSource.' })
  population!: number | null;

  @Field(() => Float, { nullable: true, description: 'coverage = records ÷ population, a rate in 0..1 (capped at 1); null when the population is unknown.' })
  coverage!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the population figure refers to.' })
  populationAsOf!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the population figure comes from (a census, a commune report, or a documented assumption).' })
  populationSource!: string | null;
}
