import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { Commune, communeScope, REQUIRES_LINEAGE, resolveCommuneReference } from '../commune/commune.reference.js';
import { readAccess } from '../../shared/access-guard.js';
import { fieldReportSlas } from './field-report-sla.query.js';
import { fieldReportStats } from './field-report-stats.query.js';
import { FieldReport, FieldReportCategory, FieldReportStatus } from './field-report.entity.js';
import { findFieldReport, findFieldReportByReceipt, listFieldReports } from './field-report.query.js';
import { historyByReport } from './field-report.store.js';
import {
  FieldReportConnection,
  FieldReportHistoryEntry,
  FieldReportLocation,
  FieldReportNode,
  FieldReportReporter,
  FieldReportSlaRule,
  FieldReportStats,
  toSlaRules,
} from './field-report.type.js';
import { normaliseReceiptCode } from './receipt-code.rules.js';
import { OPEN_STATUSES } from './field-report-workflow.rules.js';

@Resolver(() => Commune)
export class CommuneFieldReportResolver {
  @FieldResolver(() => FieldReportConnection, {
    nullable: true,
    description: 'Field reports (phản ánh hiện trường) sent to the commune or to the units merged into it, newest first. Public, without the reporters\' contact.',
  })
  @Directive(REQUIRES_LINEAGE)
  async fieldReports(
    @Root() commune: Commune,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => [FieldReportStatus], { nullable: true, description: 'Only reports in these statuses.' }) status: FieldReportStatus[] | undefined,
    @Arg('category', () => FieldReportCategory, { nullable: true, description: 'Only reports of this category.' }) category: FieldReportCategory | undefined,
    @Arg('overdue', () => Boolean, { nullable: true, description: 'true: only open reports past their due time.' }) overdue: boolean | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<FieldReport>> {
    return listFieldReports(context.em, communeScope(commune), page, { status, category, overdue });
  }

  @FieldResolver(() => FieldReportStats, {
    nullable: true,
    description:
      'Field-report KPIs of the commune (with the units merged into it): received, open, resolved, resolved on time ' +
      '(rate = resolvedOnTime ÷ resolved), refused, overdue now.',
  })
  @Directive(REQUIRES_LINEAGE)
  async fieldReportStats(
    @Root() commune: Commune,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Only reports received on or after this day (Asia/Ho_Chi_Minh).' }) from: string | undefined,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Only reports received on or before this day (Asia/Ho_Chi_Minh).' }) to: string | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<FieldReportStats> {
    return Object.assign(new FieldReportStats(), await fieldReportStats(context.em, communeScope(commune), { from, to }));
  }

  @FieldResolver(() => [FieldReportSlaRule], { nullable: true, description: 'How many working days the commune gives itself to resolve each category of report.' })
  async fieldReportSla(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<FieldReportSlaRule[]> {
    return toSlaRules(await fieldReportSlas(context.em, commune.id));
  }
}

@Resolver(() => FieldReportNode)
export class FieldReportResolver {
  @Query(() => FieldReportNode, { nullable: true, description: 'A field report by id; null when none has that id.' })
  fieldReport(@Arg('id', () => ID, { description: 'FieldReport.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<FieldReport | null> {
    return findFieldReport(context.em, id);
  }

  @Query(() => FieldReportNode, {
    nullable: true,
    description: 'The report a receipt code was given for, so a reporter without an account can follow it; null for an unknown code.',
  })
  fieldReportByReceipt(
    @Arg('receiptCode', () => String, { description: 'The code given when the report was sent, e.g. "PA-7KQ3M-X9D2F" (case and dashes do not matter).' }) receiptCode: string,
    @Ctx() context: SubgraphContext,
  ): Promise<FieldReport | null> {
    return findFieldReportByReceipt(context.em, normaliseReceiptCode(receiptCode, 'receiptCode'));
  }

  @FieldResolver(() => Commune, { description: 'The commune the report was sent to.' })
  commune(@Root() report: FieldReport): Commune {
    return resolveCommuneReference({ id: report.communeId });
  }

  @FieldResolver(() => FieldReportLocation, { description: 'Where the problem is.' })
  location(@Root() report: FieldReport): FieldReportLocation {
    return Object.assign(new FieldReportLocation(), { address: report.locationText, latitude: report.latitude ?? null, longitude: report.longitude ?? null });
  }

  @FieldResolver(() => Boolean, { description: 'True when the report is open (received, assigned or in progress) and its due time has passed.' })
  overdue(@Root() report: FieldReport): boolean {
    return OPEN_STATUSES.includes(report.status) && report.dueAt.getTime() < Date.now();
  }

  @FieldResolver(() => [FieldReportHistoryEntry], { description: 'Every step of the report, oldest first.' })
  async history(@Root() report: FieldReport, @Ctx() context: SubgraphContext): Promise<FieldReportHistoryEntry[]> {
    return (await historyByReport(context).load(report.id)).map((e) =>
      Object.assign(new FieldReportHistoryEntry(), { at: e.at, action: e.action, fromStatus: e.fromStatus ?? null, toStatus: e.toStatus, note: e.note ?? null }),
    );
  }

  @FieldResolver(() => FieldReportReporter, {
    nullable: true,
    description: 'How to reach the reporter: officers of the report\'s commune only (FORBIDDEN otherwise), never public.',
  })
  async reporter(@Root() report: FieldReport, @Ctx() context: SubgraphContext): Promise<FieldReportReporter> {
    await readAccess(context, 'FieldReport.reporter', { unitIds: [report.communeId] }, { target: report.id, communeId: report.communeId });
    return Object.assign(new FieldReportReporter(), {
      name: report.reporterName ?? null,
      phone: report.reporterPhone ?? null,
      email: report.reporterEmail ?? null,
      anonymous: !report.reporterSubject,
    });
  }
}
