import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { PageArgs, pageWindow, toConnection, type Connection } from '../../../core/graphql/connection.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { todayInVietnam } from '../../../core/time.js';
import { AGE_BUCKETS, bucketOf } from './aging.rules.js';
import { agingReport } from './aging.query.js';
import { closePeriod } from './close-period.command.js';
import { openItems } from './open-items.query.js';
import { listPeriods } from './periods.query.js';
import { requireFinance } from './reconciliation-access.rules.js';
import { readAccess } from '../../shared/access-guard.js';
import { toItem, toPeriod } from './reconciliation.mapping.js';
import { reopenPeriod } from './reopen-period.command.js';
import {
  ReconciliationAgingBucketType,
  ReconciliationAgingType,
  ReconciliationOpenItemConnection,
  ReconciliationOpenItemType,
  ReconciliationPeriodInput,
  ReconciliationPeriodPayload,
  ReconciliationPeriodType,
} from './reconciliation.type.js';

/** Across runs: open items and their age, closing and reopening periods. Finance only. */
@Resolver()
export class ReconciliationPeriodResolver {
  @Query(() => ReconciliationAgingType, { description: 'Open items of the current runs by age (0-7, 8-30, 31-90, >90 days), with the open VND. Finance only.' })
  async reconciliationAging(
    @Arg('provider', () => String, { nullable: true, description: 'Only this provider.' }) provider: string | undefined,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Count ages to this day (default: today in Vietnam).' }) asOf: string | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<ReconciliationAgingType> {
    await readAccess(context, 'Query.reconciliationAging', {}, { target: 'reconciliationAging' });
    const day = asOf ?? todayInVietnam();
    const buckets = await agingReport(context.em, provider, day);
    return Object.assign(new ReconciliationAgingType(), {
      asOf: day,
      buckets: buckets.map((b) => Object.assign(new ReconciliationAgingBucketType(), b)),
      totalCount: buckets.reduce((n, b) => n + b.count, 0),
      openVnd: buckets.reduce((n, b) => n + b.openVnd, 0),
    });
  }

  @Query(() => ReconciliationOpenItemConnection, { description: 'The aged list: open items of the current runs across periods, oldest due first. Finance only; reads are audited.' })
  async reconciliationOpenItems(
    @Arg('provider', () => String, { nullable: true, description: 'Only this provider.' }) provider: string | undefined,
    @Arg('bucket', () => String, { nullable: true, description: 'Only this age bucket: 0-7, 8-30, 31-90 or >90.' }) bucket: string | undefined,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Count ages to this day (default: today in Vietnam).' }) asOf: string | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<ReconciliationOpenItemType>> {
    await readAccess(context, 'Query.reconciliationOpenItems', {}, { target: 'reconciliationOpenItems' });
    if (bucket !== undefined && !AGE_BUCKETS.some((b) => b.label === bucket)) {
      throw invalidInput(`"${bucket}" is not an age bucket: use ${AGE_BUCKETS.map((b) => b.label).join(', ')}.`, 'bucket');
    }
    const { limit, after } = pageWindow(page);
    const day = asOf ?? todayInVietnam();
    const keyset = after ? ([Number(after[0]), Number(after[1])] as [number, number]) : undefined;
    if (keyset && !keyset.every(Number.isSafeInteger)) throw invalidInput('The cursor is not one this list returned: pass a pageInfo.endCursor unchanged.', 'after');
    const { rows, total } = await openItems(context.em, { provider, asOf: day, bucket, limit, after: keyset });
    context.logger.info({ audit: 'reconciliation.open-items.read', subject: context.viewer?.subject, items: Math.min(rows.length, limit) }, 'payment details read');
    const connection = toConnection(rows, limit, total, (r) => [r.since, r.item.id]);
    return {
      ...connection,
      edges: connection.edges.map((e) => ({
        cursor: e.cursor,
        node: Object.assign(new ReconciliationOpenItemType(), { item: toItem(e.node.item), ageDays: e.node.ageDays, bucket: AGE_BUCKETS[bucketOf(e.node.ageDays)].label }),
      })),
    };
  }

  @Query(() => [ReconciliationPeriodType], { description: 'Periods that were closed (and maybe reopened), newest first, with who closed or reopened them, when and why. Finance only.' })
  async reconciliationPeriods(
    @Arg('provider', () => String, { nullable: true, description: 'Only this provider.' }) provider: string | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<ReconciliationPeriodType[]> {
    await readAccess(context, 'Query.reconciliationPeriods', {}, { target: 'reconciliationPeriods' });
    return (await listPeriods(context.em, provider)).map((p) => toPeriod(p.period, p.events));
  }

  @Mutation(() => ReconciliationPeriodPayload, {
    description: 'Closes a provider\'s period: no run can then be imported or superseded for it, nor its items changed. Refused while a write-off in it waits for approval. Finance only.',
  })
  async closeReconciliationPeriod(
    @Arg('input', () => ReconciliationPeriodInput, { description: 'Provider, period and an optional reason.' }) input: ReconciliationPeriodInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ReconciliationPeriodPayload> {
    requireFinance(context.viewer, 'close reconciliation periods');
    const period = await closePeriod(context.em, { provider: input.provider, period: input.period, by: context.viewer!.subject, reason: input.reason ?? undefined });
    context.logger.info({ audit: 'reconciliation.period.closed', subject: context.viewer?.subject, provider: period.provider, period: period.periodLabel }, 'reconciliation period closed');
    return this.payload(context, period.provider, period.id);
  }

  @Mutation(() => ReconciliationPeriodPayload, { description: 'Reopens a closed period; the reason is required and kept with who and when. Finance only.' })
  async reopenReconciliationPeriod(
    @Arg('input', () => ReconciliationPeriodInput, { description: 'Provider, period and the reason.' }) input: ReconciliationPeriodInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ReconciliationPeriodPayload> {
    requireFinance(context.viewer, 'reopen reconciliation periods');
    const period = await reopenPeriod(context.em, { provider: input.provider, period: input.period, by: context.viewer!.subject, reason: input.reason ?? undefined });
    context.logger.info({ audit: 'reconciliation.period.reopened', subject: context.viewer?.subject, provider: period.provider, period: period.periodLabel }, 'reconciliation period reopened');
    return this.payload(context, period.provider, period.id);
  }

  private async payload(context: SubgraphContext, provider: string, id: string): Promise<ReconciliationPeriodPayload> {
    const found = (await listPeriods(context.em, provider)).find((p) => p.period.id === id)!;
    return Object.assign(new ReconciliationPeriodPayload(), { period: toPeriod(found.period, found.events) });
  }
}
