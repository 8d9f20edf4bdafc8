import type { EntityManager } from '@mikro-orm/core';
import { vietnamIsoTime } from '../../../core/time.js';
import type { ReconciliationItem } from './reconciliation-item.entity.js';
import type { ReconciliationRun } from './reconciliation-run.entity.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import { openAmountVnd } from './resolution.rules.js';
import { runItemsInOrder } from './run-items.query.js';

/** The columns of an export, in order; times are Vietnam time with the offset (+07:00). */
export const EXPORT_COLUMNS = [
  'run_id', 'provider', 'period', 'version', 'seq', 'outcome', 'rule', 'references', 'transaction_ids', 'statement_lines', 'expected_payment_ids',
  'producer_ids', 'payer', 'paid_vnd', 'reversed_vnd', 'fee_vnd', 'expected_vnd', 'open_vnd', 'paid_at', 'expected_at',
  'resolution_category', 'resolved_by', 'resolved_at', 'resolution_notes', 'carried_from_item', 'settled_by_run',
] as const;

export type ExportRow = (string | number | null)[];

const PAGE = 5000;
const list = (json: string) => (JSON.parse(json) as unknown[]).join(' ');
const time = (d: Date | null | undefined) => (d ? vietnamIsoTime(d) : null);

/**
 * A run's items as export rows, read from the database page by page (a million items never sit in
 * memory). Notes are every resolution and reopening of the item, oldest first, one per line:
 * "2026-11-02T09:00:00+07:00 ke-toan-1 REFUNDED: note".
 */
export async function* exportRows(em: EntityManager, run: ReconciliationRun): AsyncGenerator<ExportRow> {
  let page: ReconciliationItem[] = [];
  for await (const item of runItemsInOrder(em, { runId: run.id, producerIds: null }, { pageSize: PAGE })) {
    page.push(item);
    if (page.length < PAGE) continue;
    yield* pageRows(em, run, page);
    page = [];
  }
  if (page.length) yield* pageRows(em, run, page);
}

async function* pageRows(em: EntityManager, run: ReconciliationRun, items: ReconciliationItem[]): AsyncGenerator<ExportRow> {
  const notes = new Map<number, string[]>();
  // A reopened item has a history but no resolvedAt: one cheap count per page says whether to load any.
  if (await hasAnyResolution(em, items)) {
    const history = await em.find(ReconciliationResolution, { itemId: { $in: items.map((i) => i.id) } }, { orderBy: [{ resolvedAt: 'asc' }, { id: 'asc' }], disableIdentityMap: true });
    for (const r of history) {
      const label = r.category ?? r.action;
      const line = `${vietnamIsoTime(r.resolvedAt)} ${r.resolvedBy} ${label}${r.status === 'EFFECTIVE' ? '' : ` (${r.status})`}: ${r.note}`;
      notes.set(r.itemId, [...(notes.get(r.itemId) ?? []), line]);
    }
  }
  for (const r of items) {
    yield [
      run.id, run.provider, run.periodLabel, run.version, r.seq, r.outcome, r.rule, list(r.referencesJson), list(r.transactionIdsJson), list(r.linesJson), list(r.expectedPaymentIdsJson),
      r.producerKey.split('|').filter(Boolean).join(' '), r.payer ?? null, r.paidVnd, r.reversedVnd, r.feeVnd, r.expectedVnd, openAmountVnd(r), time(r.paidAt), time(r.expectedAt),
      r.resolutionCategory ?? null, r.resolvedBy ?? null, time(r.resolvedAt), notes.get(r.id)?.join('\n') ?? null, r.carriedFromItemId ?? null, r.settledByRunId ?? null,
    ];
  }
}

/** A run's ids are firstItemId + seq (older runs: inserted together), so a page's ids form a narrow range. */
async function hasAnyResolution(em: EntityManager, items: ReconciliationItem[]): Promise<boolean> {
  let low = Infinity;
  let high = -Infinity;
  for (const { id } of items) {
    low = Math.min(low, id);
    high = Math.max(high, id);
  }
  return (await em.count(ReconciliationResolution, { itemId: { $gte: low, $lte: high } })) > 0;
}
