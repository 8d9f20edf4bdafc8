import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { PageArgs, pageWindow, toConnection, type Connection } from '../../../core/graphql/connection.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { readAccess, readRows } from '../../shared/access-guard.js';
import type { RowScope } from '../../shared/access-rule.js';
import { memberProducerIds } from '../catalogue/producer-access.query.js';
import { approveWriteOff } from './approve-write-off.command.js';
import { outcomeTotals } from './outcome-totals.query.js';
import { ReconciliationOutcome } from './outcomes.js';
import { requireFinance } from './reconciliation-access.rules.js';
import { toItem, toResolution, toRun, toSummary } from './reconciliation.mapping.js';
import { reconciliationSettings } from './reconciliation-settings.js';
import { reopenItem } from './reopen-item.command.js';
import { resolveItem } from './resolve-item.command.js';
import { itemIdOf } from './resolution.rules.js';
import { openCount, resolutionsOf, runItems } from './run-items.query.js';
import { findRun, listRuns, runVersions } from './runs.query.js';
import type { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import {
  ApproveReconciliationWriteOffInput,
  ReconciliationItemConnection,
  ReconciliationItemPayload,
  ReconciliationItemType,
  ReconciliationResolutionType,
  ReconciliationRunConnection,
  ReconciliationRunType,
  ReconciliationSummary,
  ReopenReconciliationItemInput,
  ResolveReconciliationItemInput,
  ResolveReconciliationItemPayload,
} from './reconciliation.type.js';

/**
 * Which of a run's items the viewer sees (ACCESS_RULES: finance all, a producer's members their
 * producers'); anyone else is refused. Never null: the rule refuses with an error.
 */
async function runRows(context: SubgraphContext, field: 'Query.reconciliationRuns' | 'Query.reconciliationRun' | 'ReconciliationRun.versions' | 'ReconciliationRun.items', target: string): Promise<RowScope> {
  const scope = await readRows(context, field, { memberProducerIds: memberProducerIds(context) }, { target }, 'Reconciliation is for the finance role, and for producers about their own payments.');
  return scope ?? { kind: 'producers', producerIds: [] };
}

@Resolver(() => ReconciliationRunType)
export class ReconciliationRunResolver {
  @Query(() => ReconciliationRunConnection, {
    description: 'Reconciliation runs, newest import first, superseded versions included unless currentOnly. Finance staff and producers (who see only their own items in each run).',
  })
  async reconciliationRuns(
    @Arg('provider', () => String, { nullable: true, description: 'Only runs of this provider (viettel-money, vnpt-money, viviet).' }) provider: string | undefined,
    @Arg('period', () => String, { nullable: true, description: 'Only runs of this period as imported (yyyy-mm-dd or yyyy-mm): with provider, its versions.' }) period: string | undefined,
    @Arg('currentOnly', () => Boolean, { nullable: true, description: 'Only the version in force of each provider and period.' }) currentOnly: boolean | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<ReconciliationRunType>> {
    await runRows(context, 'Query.reconciliationRuns', 'reconciliationRuns');
    const { limit, after } = pageWindow(page);
    const { rows, total } = await listRuns(context.em, { provider, period, currentOnly, limit, after: after ? [Number(after[0]), String(after[1])] : undefined });
    return toConnection(rows.map(toRun), limit, total, (r) => [r.importedAt.getTime(), r.id]);
  }

  @Query(() => ReconciliationRunType, { nullable: true, description: 'One run (any version); null when there is none with this id. Finance staff and producers.' })
  async reconciliationRun(@Arg('id', () => ID, { description: 'ReconciliationRun.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<ReconciliationRunType | null> {
    await runRows(context, 'Query.reconciliationRun', id);
    const run = await findRun(context.em, id);
    return run ? toRun(run) : null;
  }

  @FieldResolver(() => [ReconciliationRunType], { description: 'Every version of this run\'s provider and period, version 1 first (this one included).' })
  async versions(@Root() root: ReconciliationRunType, @Ctx() context: SubgraphContext): Promise<ReconciliationRunType[]> {
    await runRows(context, 'ReconciliationRun.versions', root.id);
    return (await runVersions(context.em, { provider: root.provider, periodLabel: root.period })).map(toRun);
  }

  @FieldResolver(() => ReconciliationSummary, { nullable: true, description: 'Totals of the run, with VND per outcome. Finance staff only: null for producers.' })
  async summary(@Root() root: ReconciliationRunType, @Ctx() context: SubgraphContext): Promise<ReconciliationSummary | null> {
    if (!(await readAccess(context, 'ReconciliationRun.summary', {}, { target: root.id }))) return null;
    const run = await findRun(context.em, root.id);
    if (!run) return null;
    const [open, byOutcome] = await Promise.all([openCount(context.em, run.id), outcomeTotals(context.em, run.id)]);
    return toSummary(run, open, byOutcome);
  }

  @FieldResolver(() => ReconciliationItemConnection, {
    description: 'Items of the run in result order (statement order, then unpaid expectations by time). Finance staff see all; a producer only the items concerning it. Reads are audited.',
  })
  async items(
    @Root() run: ReconciliationRunType,
    @Arg('outcome', () => ReconciliationOutcome, { nullable: true, description: 'Only items with this outcome.' }) outcome: ReconciliationOutcome | undefined,
    @Arg('unresolvedOnly', () => Boolean, { nullable: true, description: 'Only items nobody has resolved by hand yet.' }) unresolvedOnly: boolean | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<ReconciliationItemType>> {
    const scope = await runRows(context, 'ReconciliationRun.items', run.id);
    const { limit, after } = pageWindow(page);
    const producerIds = scope.kind === 'all' ? null : scope.kind === 'producers' ? scope.producerIds : [];
    const { rows, total } = await runItems(context.em, { runId: run.id, producerIds, outcome, unresolvedOnly, limit, afterSeq: after ? Number(after[0]) : undefined });
    context.logger.info(
      { audit: 'reconciliation.items.read', subject: context.viewer?.subject, runId: run.id, scope: producerIds ? 'producer' : 'finance', items: Math.min(rows.length, limit) },
      'payment details read',
    );
    const connection = toConnection(rows, limit, total, (r) => [r.seq]);
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toItem(e.node) })) };
  }
}

@Resolver(() => ReconciliationItemType)
export class ReconciliationItemResolver {
  @FieldResolver(() => [ReconciliationResolutionType], { description: 'Resolutions and reopenings of the item, oldest first (bounded: a few per item).' })
  async resolutions(@Root() item: ReconciliationItemType, @Ctx() context: SubgraphContext): Promise<ReconciliationResolutionType[]> {
    const loader = requestLoader<number, ReconciliationResolution[]>(context, 'reconciliationResolutionsByItem', async (ids) =>
      groupByKey(ids, await resolutionsOf(context.em, ids), (r) => r.itemId),
    );
    return (await loader.load(Number(item.id))).map(toResolution);
  }

  @Mutation(() => ResolveReconciliationItemPayload, {
    description:
      'Records that a person resolved an item by hand, with a category and a note (e.g. a duplicate refunded). A WRITE_OFF above COMMERCE_WRITE_OFF_APPROVAL_VND waits for a second person (approveReconciliationWriteOff). Finance only; refused on a superseded version or in a closed period (CONFLICT). The history is kept.',
  })
  async resolveReconciliationItem(
    @Arg('input', () => ResolveReconciliationItemInput, { description: 'The item, the category and the note.' }) input: ResolveReconciliationItemInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ResolveReconciliationItemPayload> {
    requireFinance(context.viewer);
    const { item, resolution } = await resolveItem(context.em, {
      itemId: itemIdOf(input.itemId),
      category: input.category,
      note: input.note,
      by: context.viewer!.subject,
      writeOffApprovalVnd: context.config.get(reconciliationSettings).writeOffApprovalVnd,
    });
    context.logger.info({ audit: 'reconciliation.item.resolved', subject: context.viewer?.subject, itemId: item.id, category: input.category, status: resolution.status }, 'reconciliation item resolved');
    return Object.assign(new ResolveReconciliationItemPayload(), { item: toItem(item), resolution: toResolution(resolution) });
  }

  @Mutation(() => ReconciliationItemPayload, { description: 'Reopens a resolved item with the reason: it is open again, the history keeps both. Finance only.' })
  async reopenReconciliationItem(
    @Arg('input', () => ReopenReconciliationItemInput, { description: 'The item and why it is reopened.' }) input: ReopenReconciliationItemInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ReconciliationItemPayload> {
    requireFinance(context.viewer, 'reopen reconciliation items');
    const item = await reopenItem(context.em, { itemId: itemIdOf(input.itemId), note: input.note, by: context.viewer!.subject });
    context.logger.info({ audit: 'reconciliation.item.reopened', subject: context.viewer?.subject, itemId: item.id }, 'reconciliation item reopened');
    return Object.assign(new ReconciliationItemPayload(), { item: toItem(item) });
  }

  @Mutation(() => ReconciliationItemPayload, {
    description: 'Approves a write-off waiting for a second person: the approver must be another finance person than who proposed it (else FORBIDDEN). The item is then resolved.',
  })
  async approveReconciliationWriteOff(
    @Arg('input', () => ApproveReconciliationWriteOffInput, { description: 'The pending write-off.' }) input: ApproveReconciliationWriteOffInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ReconciliationItemPayload> {
    requireFinance(context.viewer, 'approve write-offs');
    const id = Number(input.resolutionId);
    if (!/^\d{1,15}$/.test(input.resolutionId) || id <= 0) throw invalidInput(`"${input.resolutionId}" is not a resolution id.`, 'input.resolutionId');
    const { item } = await approveWriteOff(context.em, { resolutionId: id, by: context.viewer!.subject });
    context.logger.info({ audit: 'reconciliation.write-off.approved', subject: context.viewer?.subject, itemId: item.id, resolutionId: id }, 'write-off approved');
    return Object.assign(new ReconciliationItemPayload(), { item: toItem(item) });
  }
}
