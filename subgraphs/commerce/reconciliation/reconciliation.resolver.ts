import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { invalidInput, notFound } from '../../../core/domain-errors.js';
import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { PageArgs, pageWindow, toConnection, type Connection } from '../../../core/graphql/connection.js';
import { nfc } from '../../../core/text.js';
import { producerKeyFilter, reconciliationScope, requireFinance } from './reconciliation-access.rules.js';
import { ReconciliationOutcome } from './outcomes.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';
import {
  ReconciliationItemConnection,
  ReconciliationItemType,
  ReconciliationResolutionType,
  ReconciliationRunConnection,
  ReconciliationRunType,
  ReconciliationSummary,
  ResolveReconciliationItemInput,
  ResolveReconciliationItemPayload,
} from './reconciliation.type.js';

function toRun(run: ReconciliationRun): ReconciliationRunType {
  return Object.assign(new ReconciliationRunType(), {
    id: run.id,
    provider: run.provider,
    period: run.periodLabel,
    periodStart: run.periodStart,
    periodEnd: run.periodEnd,
    fileName: run.fileName,
    fileSha256: run.fileSha256,
    importedAt: run.importedAt,
    importedBy: run.importedBy,
    ledgerSource: run.ledgerSource,
    toleranceMinutes: run.toleranceMinutes,
    statementRows: run.statementRows,
    ignoredRows: run.ignoredRows,
  });
}

export function toItem(item: ReconciliationItem): ReconciliationItemType {
  const net = item.paidVnd - item.reversedVnd;
  return Object.assign(new ReconciliationItemType(), {
    id: String(item.id),
    outcome: item.outcome,
    rule: item.rule,
    references: JSON.parse(item.referencesJson) as string[],
    transactionIds: JSON.parse(item.transactionIdsJson) as string[],
    statementLines: JSON.parse(item.linesJson) as number[],
    expectedPaymentIds: JSON.parse(item.expectedPaymentIdsJson) as string[],
    payer: item.payer ?? null,
    paidVnd: item.paidVnd,
    reversedVnd: item.reversedVnd,
    feeVnd: item.feeVnd,
    expectedVnd: item.expectedVnd,
    shortfallVnd: Math.max(0, item.expectedVnd - net),
    excessVnd: Math.max(0, net - item.expectedVnd),
    paidAt: item.paidAt ?? null,
    expectedAt: item.expectedAt ?? null,
    resolved: !!item.resolvedAt,
  });
}

const NOTE_MAX = 2000;

@Resolver(() => ReconciliationRunType)
export class ReconciliationRunResolver {
  @Query(() => ReconciliationRunConnection, {
    description: 'Reconciliation runs, newest import first. Finance staff and producers (who see only their own items in each run).',
  })
  async reconciliationRuns(
    @Arg('provider', () => String, { nullable: true, description: 'Only runs of this provider (viettel-money, vnpt-money, viviet).' }) provider: string | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<ReconciliationRunType>> {
    reconciliationScope(context.viewer);
    const { limit, after } = pageWindow(page);
    const where: Record<string, unknown> = provider ? { provider } : {};
    const keyset = after ? { $or: [{ importedAt: { $lt: new Date(Number(after[0])) } }, { importedAt: new Date(Number(after[0])), id: { $lt: String(after[1]) } }] } : {};
    const [rows, total] = await Promise.all([
      context.em.find(ReconciliationRun, { $and: [where, keyset] }, { orderBy: [{ importedAt: 'desc' }, { id: 'desc' }], limit: limit + 1 }),
      context.em.count(ReconciliationRun, where),
    ]);
    return toConnection(rows.map(toRun), limit, total, (r) => [r.importedAt.getTime(), r.id]);
  }

  @Query(() => ReconciliationRunType, { nullable: true, description: 'One run; null when there is none with this id. Finance staff and producers.' })
  async reconciliationRun(@Arg('id', () => ID, { description: 'ReconciliationRun.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<ReconciliationRunType | null> {
    reconciliationScope(context.viewer);
    const run = await context.em.findOne(ReconciliationRun, { id });
    return run ? toRun(run) : null;
  }

  @FieldResolver(() => ReconciliationSummary, { nullable: true, description: 'Totals of the run. Finance staff only: null for producers.' })
  async summary(@Root() root: ReconciliationRunType, @Ctx() context: SubgraphContext): Promise<ReconciliationSummary | null> {
    if (reconciliationScope(context.viewer).kind !== 'finance') return null;
    const run = await context.em.findOneOrFail(ReconciliationRun, { id: root.id });
    const open = await context.em.count(ReconciliationItem, { runId: run.id, outcome: { $ne: ReconciliationOutcome.MATCHED }, resolvedAt: null });
    return Object.assign(new ReconciliationSummary(), {
      statementGrossVnd: run.statementGrossVnd,
      reversedVnd: run.reversedVnd,
      statementFeeVnd: run.statementFeeVnd,
      statementNetVnd: Math.max(0, run.statementGrossVnd - run.reversedVnd - run.statementFeeVnd),
      expectedVnd: run.expectedVnd,
      matchedVnd: run.matchedVnd,
      matchedCount: run.matchedCount,
      amountMismatchCount: run.amountMismatchCount,
      missingInStatementCount: run.missingInStatementCount,
      missingInLedgerCount: run.missingInLedgerCount,
      duplicateCount: run.duplicateCount,
      openCount: open,
    });
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
    const scope = reconciliationScope(context.viewer);
    const { limit, after } = pageWindow(page);
    const where: Record<string, unknown>[] = [{ runId: run.id }];
    if (outcome) where.push({ outcome });
    if (unresolvedOnly) where.push({ resolvedAt: null });
    if (scope.kind === 'producer') where.push(producerKeyFilter(scope.producerIds));
    const keyset = after ? [{ seq: { $gt: Number(after[0]) } }] : [];
    const [rows, total] = await Promise.all([
      context.em.find(ReconciliationItem, { $and: [...where, ...keyset] }, { orderBy: { seq: 'asc' }, limit: limit + 1 }),
      context.em.count(ReconciliationItem, { $and: where }),
    ]);
    context.logger.info(
      { audit: 'reconciliation.items.read', subject: context.viewer?.subject, runId: run.id, scope: scope.kind, items: Math.min(rows.length, limit) },
      'payment details read',
    );
    const connection = toConnection(rows, limit, total, (r) => [r.seq]);
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toItem(e.node) })) };
  }
}

@Resolver(() => ReconciliationItemType)
export class ReconciliationItemResolver {
  @FieldResolver(() => [ReconciliationResolutionType], { description: 'Manual resolutions of the item, oldest first (bounded: a few per item).' })
  async resolutions(@Root() item: ReconciliationItemType, @Ctx() context: SubgraphContext): Promise<ReconciliationResolutionType[]> {
    const loader = requestLoader<number, ReconciliationResolution[]>(context, 'reconciliationResolutionsByItem', async (ids) => {
      const rows = await context.em.find(ReconciliationResolution, { itemId: { $in: [...ids] } }, { orderBy: [{ resolvedAt: 'asc' }, { id: 'asc' }] });
      return groupByKey(ids, rows, (r) => r.itemId);
    });
    const rows = await loader.load(Number(item.id));
    return rows.map((r) => Object.assign(new ReconciliationResolutionType(), { note: r.note, resolvedBy: r.resolvedBy, resolvedAt: r.resolvedAt }));
  }

  @Mutation(() => ResolveReconciliationItemPayload, {
    description: 'Records that a person resolved an item by hand (e.g. a duplicate refunded, a missing payment found in another file), with a note. Finance only; the history is kept.',
  })
  async resolveReconciliationItem(
    @Arg('input', () => ResolveReconciliationItemInput, { description: 'The item and the note.' }) input: ResolveReconciliationItemInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ResolveReconciliationItemPayload> {
    requireFinance(context.viewer);
    const note = nfc(input.note);
    if (!note) throw invalidInput('The note is empty: say what was found or done.', 'input.note');
    if (note.length > NOTE_MAX) throw invalidInput(`The note is ${note.length} characters; keep it within ${NOTE_MAX}.`, 'input.note');
    const id = Number(input.itemId);
    if (!Number.isSafeInteger(id) || id <= 0) throw invalidInput(`"${input.itemId}" is not a reconciliation item id.`, 'input.itemId');
    const item = await context.em.transactional(async (tx) => {
      const found = await tx.findOne(ReconciliationItem, { id });
      if (!found) throw notFound(`No reconciliation item ${input.itemId}: take the id from a run's items.`);
      const now = new Date();
      const subject = context.viewer!.subject;
      tx.persist(Object.assign(new ReconciliationResolution(), { itemId: id, note, resolvedBy: subject, resolvedAt: now }));
      found.resolvedAt = now;
      found.resolvedBy = subject;
      return found;
    });
    context.logger.info({ audit: 'reconciliation.item.resolved', subject: context.viewer?.subject, itemId: id }, 'reconciliation item resolved');
    return Object.assign(new ResolveReconciliationItemPayload(), { item: toItem(item) });
  }
}
