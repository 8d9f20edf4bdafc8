import { randomUUID } from 'node:crypto';
import { invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { foldForSearch } from '../../../core/text.js';
import { todayInVietnam } from '../../../core/time.js';
import { optionalCitizenId, optionalPhone } from '../../shared/contact.rules.js';
import { communeCodeOf, requireCommuneId } from '../commune/commune-id.js';
import { optionalText, requireText } from '../common/input-text.js';
import { Examination } from './examination.entity.js';
import { auditReads, requireHealthStaffOf } from './health-access.rules.js';
import { HealthHistoryEntry } from './health-history-entry.entity.js';
import type { AddHealthHistoryEntryInput, CreateHealthRecordInput, RecordExaminationInput, RecordVaccinationInput } from './health-record.inputs.js';
import { optionalBloodPressure, optionalBloodType, optionalIcd10, optionalInsuranceNumber, optionalNumberIn, requireCareDate } from './health-record.rules.js';
import { HealthRecord } from './health-record.entity.js';
import { Vaccination } from './vaccination.entity.js';

/**
 * Health staff write the records of their own commune's station (or of the units merged into it).
 * Each command validates everything first, writes in one transaction, and returns the record, which
 * counts as a read and is audited.
 */

/** Opens a resident's health record; it gets the next record number of the commune's GSO code. */
export async function createHealthRecord(context: SubgraphContext, input: CreateHealthRecordInput): Promise<HealthRecord> {
  const communeId = requireCommuneId(input.communeId, 'input.communeId');
  const viewer = requireHealthStaffOf(context, communeId);
  const fullName = requireText(input.fullName, 'input.fullName', 2, 200);
  if (input.birthDate > todayInVietnam()) throw invalidInput(`${input.birthDate} is in the future.`, 'input.birthDate');
  const data = {
    fullName,
    fullNameSearch: foldForSearch(fullName),
    sex: input.sex,
    birthDate: input.birthDate,
    ethnicity: optionalText(input.ethnicity, 'input.ethnicity', 50),
    village: optionalText(input.village, 'input.village', 100),
    citizenId: optionalCitizenId(input.citizenId, 'input.citizenId'),
    healthInsuranceNumber: optionalInsuranceNumber(input.healthInsuranceNumber, 'input.healthInsuranceNumber'),
    phone: optionalPhone(input.phone, 'input.phone'),
    bloodType: optionalBloodType(input.bloodType, 'input.bloodType'),
  };
  const record = await context.em.transactional(async (tx) => {
    // Numbers run per GSO code: a successor reusing its predecessor's code continues its numbering.
    const last = await tx.findOne(HealthRecord, { communeId: { $like: `${communeCodeOf(communeId)}/%` } }, { orderBy: { recordNumber: 'desc' }, fields: ['recordNumber'], disableIdentityMap: true });
    const next = last ? Number(last.recordNumber.split('-').pop()) + 1 : 1;
    const now = new Date();
    const row = Object.assign(new HealthRecord(), {
      ...data,
      id: randomUUID(),
      communeId,
      recordNumber: `${communeCodeOf(communeId)}-${String(next).padStart(6, '0')}`,
      createdAt: now,
      updatedAt: now,
    });
    tx.persist(row);
    return row;
  });
  await auditReads(context, viewer, [record], 'Mutation.createHealthRecord');
  return record;
}

/** Part 2: a history entry (illness, allergy, family history). */
export async function addHealthHistoryEntry(context: SubgraphContext, input: AddHealthHistoryEntryInput): Promise<HealthRecord> {
  const description = requireText(input.description, 'input.description', 2, 500);
  const icd10Code = optionalIcd10(input.icd10Code, 'input.icd10Code');
  return addToRecord(context, input.recordId, 'Mutation.addHealthHistoryEntry', (record) => {
    const since = input.since ? requireCareDate(input.since, record.birthDate, 'input.since') : null;
    return Object.assign(new HealthHistoryEntry(), { id: randomUUID(), recordId: record.id, kind: input.kind, description, icd10Code, since });
  });
}

/** Part 3: a vaccine dose given. */
export async function recordVaccination(context: SubgraphContext, input: RecordVaccinationInput): Promise<HealthRecord> {
  const vaccine = requireText(input.vaccine, 'input.vaccine', 2, 100);
  const place = requireText(input.place, 'input.place', 2, 200);
  if (!Number.isInteger(input.dose) || input.dose < 1 || input.dose > 10) throw invalidInput(`dose must be 1 to 10, got ${input.dose}.`, 'input.dose');
  return addToRecord(context, input.recordId, 'Mutation.recordVaccination', (record) =>
    Object.assign(new Vaccination(), { id: randomUUID(), recordId: record.id, vaccine, dose: input.dose, givenOn: requireCareDate(input.givenOn, record.birthDate, 'input.givenOn'), place }),
  );
}

/** Part 4: an examination. */
export async function recordExamination(context: SubgraphContext, input: RecordExaminationInput): Promise<HealthRecord> {
  const fields = {
    examiner: requireText(input.examiner, 'input.examiner', 2, 200),
    reason: requireText(input.reason, 'input.reason', 2, 300),
    conclusion: optionalText(input.conclusion, 'input.conclusion', 500),
    icd10Code: optionalIcd10(input.icd10Code, 'input.icd10Code'),
    heightCm: optionalNumberIn(input.heightCm, 30, 250, 'input.heightCm'),
    weightKg: optionalNumberIn(input.weightKg, 0.5, 300, 'input.weightKg'),
    bloodPressure: optionalBloodPressure(input.bloodPressure, 'input.bloodPressure'),
  };
  return addToRecord(context, input.recordId, 'Mutation.recordExamination', (record) =>
    Object.assign(new Examination(), { ...fields, id: randomUUID(), recordId: record.id, examinedOn: requireCareDate(input.examinedOn, record.birthDate, 'input.examinedOn') }),
  );
}

/** Loads the record, checks the caller acts for its unit, builds the row (validated against the record) and writes it with the record's new updatedAt. */
async function addToRecord(context: SubgraphContext, recordId: string, via: string, build: (record: HealthRecord) => object): Promise<HealthRecord> {
  const record = await context.em.transactional(async (tx) => {
    const found = await tx.findOne(HealthRecord, { id: recordId });
    if (!found) throw notFound('No health record has that id: look it up in Commune.healthRecords first.');
    requireHealthStaffOf(context, found.communeId);
    tx.persist(build(found));
    found.updatedAt = new Date();
    return found;
  });
  await auditReads(context, context.viewer!, [record], via);
  return record;
}
