import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { optionalText, requireText } from '../common/input-text.js';
import { setFieldReportSla } from './field-report-sla.command.js';
import { assignReport, refuseReport, reopenReport, resolveReport, startReport, submitReport } from './field-report.command.js';
import { validateSubmission } from './field-report.rules.js';
import {
  AssignFieldReportInput,
  AssignFieldReportPayload,
  RefuseFieldReportInput,
  RefuseFieldReportPayload,
  ReopenFieldReportInput,
  ReopenFieldReportPayload,
  ResolveFieldReportInput,
  ResolveFieldReportPayload,
  SetFieldReportSlaInput,
  SetFieldReportSlaPayload,
  StartFieldReportInput,
  StartFieldReportPayload,
  SubmitFieldReportInput,
  SubmitFieldReportPayload,
} from './field-report.inputs.js';
import { toSlaRules } from './field-report.type.js';
import { normaliseReceiptCode } from './receipt-code.rules.js';

@Resolver()
export class FieldReportMutationResolver {
  @Mutation(() => SubmitFieldReportPayload, {
    description:
      'Send a field report to a commune. No account needed: without a token, sending is rate-limited (RATE_LIMITED with retryAfterSeconds). ' +
      'Keep the receipt code to follow the report and reopen it.',
  })
  async submitFieldReport(@Arg('input', () => SubmitFieldReportInput, { description: 'The report.' }) input: SubmitFieldReportInput, @Ctx() context: SubgraphContext): Promise<SubmitFieldReportPayload> {
    const report = await submitReport(context.em, context.viewer, validateSubmission(input), context.clientAddress);
    return Object.assign(new SubmitFieldReportPayload(), { report, receiptCode: report.receiptCode });
  }

  @Mutation(() => AssignFieldReportPayload, { description: 'Assign (or reassign) an open report to a unit. Officers of the report\'s commune; CONFLICT when the status does not allow it.' })
  async assignFieldReport(@Arg('input', () => AssignFieldReportInput, { description: 'Which report, to whom.' }) input: AssignFieldReportInput, @Ctx() context: SubgraphContext) {
    const unit = requireText(input.unit, 'input.unit', 2, 200);
    return { report: await assignReport(context.em, context.viewer, input.reportId, unit) };
  }

  @Mutation(() => StartFieldReportPayload, { description: 'Mark an assigned report in progress. Officers of the report\'s commune; CONFLICT unless ASSIGNED.' })
  async startFieldReport(@Arg('input', () => StartFieldReportInput, { description: 'Which report.' }) input: StartFieldReportInput, @Ctx() context: SubgraphContext) {
    const note = optionalText(input.note, 'input.note', 2000);
    return { report: await startReport(context.em, context.viewer, input.reportId, note) };
  }

  @Mutation(() => ResolveFieldReportPayload, { description: 'Resolve a report in progress, saying what was done. Officers of the report\'s commune; CONFLICT unless IN_PROGRESS.' })
  async resolveFieldReport(@Arg('input', () => ResolveFieldReportInput, { description: 'Which report, and what was done.' }) input: ResolveFieldReportInput, @Ctx() context: SubgraphContext) {
    const resolution = requireText(input.resolution, 'input.resolution', 3, 2000);
    return { report: await resolveReport(context.em, context.viewer, input.reportId, resolution) };
  }

  @Mutation(() => RefuseFieldReportPayload, { description: 'Refuse an open report with a reason. Officers of the report\'s commune; CONFLICT when already resolved or refused.' })
  async refuseFieldReport(@Arg('input', () => RefuseFieldReportInput, { description: 'Which report, and why.' }) input: RefuseFieldReportInput, @Ctx() context: SubgraphContext) {
    const reason = requireText(input.reason, 'input.reason', 3, 2000);
    return { report: await refuseReport(context.em, context.viewer, input.reportId, reason) };
  }

  @Mutation(() => ReopenFieldReportPayload, {
    description: 'The reporter reopens a resolved or refused report with its receipt code: it is RECEIVED again with a new due time. CONFLICT while the report is open.',
  })
  async reopenFieldReport(@Arg('input', () => ReopenFieldReportInput, { description: 'The receipt code, and why.' }) input: ReopenFieldReportInput, @Ctx() context: SubgraphContext) {
    const receiptCode = normaliseReceiptCode(input.receiptCode, 'input.receiptCode');
    const reason = requireText(input.reason, 'input.reason', 3, 2000);
    return { report: await reopenReport(context.em, context.viewer, receiptCode, reason) };
  }

  @Mutation(() => SetFieldReportSlaPayload, {
    description: 'Set the working days a commune gives itself to resolve reports, for one category or as its default. Applies to reports received (or reopened) afterwards. Officers of that commune.',
  })
  async setFieldReportSla(@Arg('input', () => SetFieldReportSlaInput, { description: 'The commune, the category (or none for the default) and the days.' }) input: SetFieldReportSlaInput, @Ctx() context: SubgraphContext): Promise<SetFieldReportSlaPayload> {
    return Object.assign(new SetFieldReportSlaPayload(), { rules: toSlaRules(await setFieldReportSla(context.em, context.viewer, input)) });
  }
}
