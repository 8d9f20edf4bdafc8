import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { addHealthHistoryEntry, createHealthRecord, recordExamination, recordVaccination } from './health-record.command.js';
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

/** The health-record writes; the rules and the transaction live in health-record.command.ts. */
@Resolver()
export class HealthRecordMutationResolver {
  @Mutation(() => CreateHealthRecordPayload, { description: 'Open a resident\'s health record at the commune station; it gets the next record number. Health staff of that commune.' })
  async createHealthRecord(@Arg('input', () => CreateHealthRecordInput, { description: 'Part 1, administrative data.' }) input: CreateHealthRecordInput, @Ctx() context: SubgraphContext) {
    return { record: await createHealthRecord(context, input) };
  }

  @Mutation(() => AddHealthHistoryEntryPayload, { description: 'Add a history entry (part 2) to a record. Health staff of the record\'s commune.' })
  async addHealthHistoryEntry(@Arg('input', () => AddHealthHistoryEntryInput, { description: 'The entry.' }) input: AddHealthHistoryEntryInput, @Ctx() context: SubgraphContext) {
    return { record: await addHealthHistoryEntry(context, input) };
  }

  @Mutation(() => RecordVaccinationPayload, { description: 'Record a vaccine dose given (part 3). Health staff of the record\'s commune.' })
  async recordVaccination(@Arg('input', () => RecordVaccinationInput, { description: 'The dose.' }) input: RecordVaccinationInput, @Ctx() context: SubgraphContext) {
    return { record: await recordVaccination(context, input) };
  }

  @Mutation(() => RecordExaminationPayload, { description: 'Record an examination (part 4). Health staff of the record\'s commune.' })
  async recordExamination(@Arg('input', () => RecordExaminationInput, { description: 'The examination.' }) input: RecordExaminationInput, @Ctx() context: SubgraphContext) {
    return { record: await recordExamination(context, input) };
  }
}
