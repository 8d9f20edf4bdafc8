import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { foldForSearch } from '../../../core/text.js';
import { todayInVietnam } from '../../../core/time.js';
import { communeCodeOf, requireCommuneId } from '../commune/commune-id.js';
import { optionalText, requireText } from '../common/input-text.js';
import { optionalCitizenId, optionalPhone } from '../../shared/contact.rules.js';
import { Examination } from './examination.entity.js';
import { auditReads, requireHealthStaffOf } from './health-access.rules.js';
import { HealthHistoryEntry } from './health-history-entry.entity.js';
import {
  AddHealthHistoryEntryInput,
  AddHealthHistoryEntryPayload,
  CreateHealthRecordInput,
  CreateHealthRecordPayload,
  RecordExaminationInput,
  RecordExaminationPayload,
  RecordVaccinationInput,
  RecordVaccinationPayload,
} from './health-record.inputs.js';
import {
  optionalBloodPressure,
  optionalBloodType,
  optionalIcd10,
  optionalInsuranceNumber,
  optionalNumberIn,
  requireCareDate,
} from './health-record.rules.js';
import { HealthRecord } from './health-record.entity.js';
import { Vaccination } from './vaccination.entity.js';

/**
 * Health staff write the records of their own commune's station. Each mutation is one transaction,
 * validates everything first, and returns the record, which counts as a read and is audited.
 */
@Resolver()
export class HealthRecordMutationResolver {
  @Mutation(() => CreateHealthRecordPayload, { description: 'Open a resident\'s health record at the commune station; it gets the next record number. Health staff of that commune.' })
  async createHealthRecord(@Arg('input', () => CreateHealthRecordInput, { description: 'Part 1, administrative data.' }) input: CreateHealthRecordInput, @Ctx() context: SubgraphContext) {
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
    return { record };
  }

  @Mutation(() => AddHealthHistoryEntryPayload, { description: 'Add a history entry (part 2) to a record. Health staff of the record\'s commune.' })
  async addHealthHistoryEntry(@Arg('input', () => AddHealthHistoryEntryInput, { description: 'The entry.' }) input: AddHealthHistoryEntryInput, @Ctx() context: SubgraphContext) {
    const description = requireText(input.description, 'input.description', 2, 500);
    const icd10Code = optionalIcd10(input.icd10Code, 'input.icd10Code');
    return this.addToRecord(context, input.recordId, 'Mutation.addHealthHistoryEntry', (record) => {
      const since = input.since ? requireCareDate(input.since, record.birthDate, 'input.since') : null;
      return Object.assign(new HealthHistoryEntry(), { id: randomUUID(), recordId: record.id, kind: input.kind, description, icd10Code, since });
    });
  }

  @Mutation(() => RecordVaccinationPayload, { description: 'Record a vaccine dose given (part 3). Health staff of the record\'s commune.' })
  async recordVaccination(@Arg('input', () => RecordVaccinationInput, { description: 'The dose.' }) input: RecordVaccinationInput, @Ctx() context: SubgraphContext) {
    const vaccine = requireText(input.vaccine, 'input.vaccine', 2, 100);
    const place = requireText(input.place, 'input.place', 2, 200);
    if (!Number.isInteger(input.dose) || input.dose < 1 || input.dose > 10) throw invalidInput(`dose must be 1 to 10, got ${input.dose}.`, 'input.dose');
    return this.addToRecord(context, input.recordId, 'Mutation.recordVaccination', (record) =>
      Object.assign(new Vaccination(), { id: randomUUID(), recordId: record.id, vaccine, dose: input.dose, givenOn: requireCareDate(input.givenOn, record.birthDate, 'input.givenOn'), place }),
    );
  }

  @Mutation(() => RecordExaminationPayload, { description: 'Record an examination (part 4). Health staff of the record\'s commune.' })
  async recordExamination(@Arg('input', () => RecordExaminationInput, { description: 'The examination.' }) input: RecordExaminationInput, @Ctx() context: SubgraphContext) {
    const fields = {
      examiner: requireText(input.examiner, 'input.examiner', 2, 200),
      reason: requireText(input.reason, 'input.reason', 2, 300),
      conclusion: optionalText(input.conclusion, 'input.conclusion', 500),
      icd10Code: optionalIcd10(input.icd10Code, 'input.icd10Code'),
      heightCm: optionalNumberIn(input.heightCm, 30, 250, 'input.heightCm'),
      weightKg: optionalNumberIn(input.weightKg, 0.5, 300, 'input.weightKg'),
      bloodPressure: optionalBloodPressure(input.bloodPressure, 'input.bloodPressure'),
    };
    return this.addToRecord(context, input.recordId, 'Mutation.recordExamination', (record) =>
      Object.assign(new Examination(), { ...fields, id: randomUUID(), recordId: record.id, examinedOn: requireCareDate(input.examinedOn, record.birthDate, 'input.examinedOn') }),
    );
  }

  /** Loads the record, checks the caller acts for its commune, builds the row (validating against the record) and writes it with the record's new updatedAt. */
  private async addToRecord(context: SubgraphContext, recordId: string, via: string, build: (record: HealthRecord) => object): Promise<{ record: HealthRecord }> {
    const record = await context.em.transactional(async (tx) => {
      const found = await tx.findOne(HealthRecord, { id: recordId });
      if (!found) throw notFound('No health record has that id: look it up in Commune.healthRecords first.');
      requireHealthStaffOf(context, found.communeId);
      tx.persist(build(found));
      found.updatedAt = new Date();
      return found;
    });
    await auditReads(context, context.viewer!, [record], via);
    return { record };
  }
}
