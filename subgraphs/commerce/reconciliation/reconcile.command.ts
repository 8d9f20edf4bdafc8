import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { checkProvider, fileHeadLines } from '../../../connectors/statements/identify.js';
import { readerFor } from '../../../connectors/statements/registry.js';
import { withSqlitePageCache } from '../../../core/db/sqlite-page-cache.js';
import { conflict, InputLineError } from '../../../core/domain-errors.js';
import { expectedPaymentLedger, type ExpectedPaymentRecord, type Ledger } from './ledger.js';
import { DEFAULT_TOLERANCE_MINUTES, matchPayments, type MatchResult } from './matcher.rules.js';
import { insertItems } from './item.store.js';
import { reserveItemIds } from './item-ids.store.js';
import { isPlainItem } from './item-pack.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';
import { parsePeriod, type Period } from './period.js';
import { PlainRow } from './plain-row.js';
import { resultEntries, summarize, totalAboveLimit, type RunTotals } from './result-items.js';
import type { ResultItem } from './result-item.js';
import { statementHashes, type StatementHashes } from './content-hash.js';
import { StatementRejectedError } from './statement-load.js';
import { readStatementAside, type StatementReadAside } from './statement-read.js';
import { linkSettled, openExpectations, openPayments, releaseSettlements, type CarriedPayment } from './carry-over.store.js';
import { carryResolutions, itemFactsKey, resolvedItemsByKey, type ResolvedItem } from './resolution-carry.store.js';
import { closedPeriodOverlapping } from './period.store.js';
import { LedgerTable, type PaymentTable } from './tables.js';
import { emptyOutcomeTotals, type OutcomeTotal } from './outcome-totals.query.js';
import type { ReconciliationOutcome } from './outcomes.js';

/**
 * SQLite page cache during an import, KiB: the ledger is read once and the items appended once, so
 * the default 16 MB only adds to the import's peak (a million rows: 306 MB against 321 MB, the same
 * CPU). The same for one read of every item afterwards (the summary, an export).
 */
export const IMPORT_PAGE_CACHE_KIB = 2_000;

export interface ReconcileRequest {
  provider: string;
  /** Path of the statement file. */
  file: string;
  /** "yyyy-mm-dd" or "yyyy-mm". */
  period: string;
  toleranceMinutes?: number;
  /** Who imports: a token subject, or the OS user on the CLI. */
  importedBy: string;
  /** Default: the expected_payment table through the same EntityManager. */
  ledger?: Ledger;
  /** Called through every phase with what is done of its total (0: total not known ahead). */
  onProgress?: ProgressListener;
  /**
   * The same file already being read (readStatementAside with this provider, file and period),
   * started by a caller that had other things to do first (the CLI opens the database meanwhile).
   * The caller cancels it if the import stops before using it.
   */
  statement?: StatementReadAside;
}

/** The phases of an import, in order. */
export type ReconcilePhase = 'ledger' | 'reading' | 'matching' | 'storing';
export type ProgressListener = (phase: ReconcilePhase, done: number, total: number) => void;

export interface ReconcileOutcome {
  run: ReconciliationRun;
  /** True when this file had been imported before: the earlier run is returned, nothing is written. */
  alreadyImported: boolean;
  /** The version this run superseded (a corrected file for the same provider and period), if any. */
  superseded?: ReconciliationRun | null;
  /** Items of the superseded version whose resolutions were carried to this one (unchanged items). */
  carriedResolutions?: number;
  /** Open items of earlier runs this run settled (late payments matched here). */
  settledOpenItems?: number;
  /**
   * Count and VND per outcome of the items this import stored, summed as they were written: what
   * `outcomeTotals` would read back, without reading a million items again. Absent when nothing
   * was written (an earlier run returned).
   */
  byOutcome?: Record<ReconciliationOutcome, OutcomeTotal>;
}

export interface ComputedReconciliation {
  period: Period;
  payments: PaymentTable;
  ledger: LedgerTable;
  result: MatchResult;
  totals: RunTotals;
  rows: number;
  ignoredRows: number;
  /** The file's hashes, taken from the chunks the parser read. */
  hashes: StatementHashes;
}

/** Expected payments loaded between two progress reports. */
const LEDGER_PROGRESS_ROWS = 50_000;

/** The ledger's window into `table`, by the ledger's fast path when it has one; `report` each LEDGER_PROGRESS_ROWS rows or so. */
async function loadWindow(ledger: Ledger, table: LedgerTable, provider: string, from: Date, to: Date, report?: () => void): Promise<void> {
  let reported = 0;
  const onRows = report && (() => {
    if (table.length - reported < LEDGER_PROGRESS_ROWS) return;
    reported = table.length;
    report();
  });
  if (ledger.appendExpectedPayments) return ledger.appendExpectedPayments(table, provider, from, to, onRows);
  for await (const expected of ledger.expectedPayments(provider, from, to)) {
    table.push(expected);
    onRows?.();
  }
}

type ComputeRequest = Pick<ReconcileRequest, 'provider' | 'file' | 'period' | 'toleranceMinutes' | 'onProgress' | 'statement'> & {
  ledger: Ledger;
  /** Open expectations of earlier runs (id → open item id): loaded too, so a late payment matches them. */
  carried?: ReadonlyMap<string, number>;
  /** Open payments of earlier runs: matched too, so an expectation entered after their run matches them. */
  carriedPayments?: readonly CarriedPayment[];
};

/**
 * The expectations the statement may match into `ledger`: the period's window (the tolerance
 * around it), open expectations of earlier runs, and what may match their open payments.
 */
async function loadLedger(request: ComputeRequest, ledger: LedgerTable, window: { from: Date; to: Date; toleranceMs: number }): Promise<void> {
  const { from, to, toleranceMs } = window;
  const progress = request.onProgress;
  await loadWindow(request.ledger, ledger, request.provider, from, to, progress && (() => progress('ledger', ledger.length, 0)));
  // Inside the window an expectation is loaded already; outside, it is reported only if something matches it.
  const outsideWindow = new Set<string>();
  const pushOutside = (expected: ExpectedPaymentRecord) => {
    const t = expected.expectedAt.getTime();
    if ((t < from.getTime() || t >= to.getTime()) && !outsideWindow.has(expected.id)) {
      outsideWindow.add(expected.id);
      ledger.push(expected);
    }
  };
  if (request.carried?.size && request.ledger.expectedPaymentsByIds) {
    for await (const expected of request.ledger.expectedPaymentsByIds([...request.carried.keys()])) pushOutside(expected);
  }
  const carriedPayments = request.carriedPayments ?? [];
  if (carriedPayments.length) {
    // What may match an open payment of an earlier run: expectations quoting its reference, and
    // those expected within the tolerance of its time (for the amount-and-time rule).
    const references = [...new Set(carriedPayments.map((c) => c.record.reference).filter((r): r is string => r !== null))];
    if (references.length && request.ledger.expectedPaymentsByReferences) {
      for await (const expected of request.ledger.expectedPaymentsByReferences(request.provider, references)) pushOutside(expected);
    }
    for (const [start, end] of mergedWindows(carriedPayments.map((c) => c.record.occurredAt.getTime()), toleranceMs)) {
      for await (const expected of request.ledger.expectedPayments(request.provider, new Date(start), new Date(end))) pushOutside(expected);
    }
  }
  ledger.trim();
  progress?.('ledger', ledger.length, ledger.length);
}

/**
 * Reads and validates the statement, loads the ledger and matches: everything but storing.
 * Throws UnknownProviderError, StatementRejectedError (with line numbers) or an Error for the period.
 */
export async function computeReconciliation(request: ComputeRequest): Promise<ComputedReconciliation> {
  const reader = readerFor(request.provider);
  const period = parsePeriod(request.period);
  const toleranceMs = (request.toleranceMinutes ?? DEFAULT_TOLERANCE_MINUTES) * 60_000;
  const source = path.basename(request.file);
  const progress = request.onProgress;
  // The file is read on a worker thread while the ledger loads here: on two cores the two take
  // about as long as the longer of them. Its progress is shown once the ledger's is done.
  const fileBytes = progress ? statSync(request.file).size : 0;
  const statement = request.statement ?? readStatementAside({ provider: request.provider, file: request.file, period: request.period, source });
  const ledger = new LedgerTable();
  try {
    try {
      checkProvider(reader, await fileHeadLines(request.file), source);
    } catch (error) {
      if (error instanceof InputLineError) throw new StatementRejectedError([error], 1, source);
      throw error;
    }
    await loadLedger(request, ledger, { from: new Date(period.start.getTime() - toleranceMs), to: new Date(period.end.getTime() + toleranceMs), toleranceMs });
  } catch (error) {
    statement.cancel();
    throw error;
  }
  if (progress) statement.onBytes((bytes) => progress('reading', bytes, fileBytes));
  const loaded = await statement.result;
  loaded.table.resolveReferences(ledger);
  for (const c of request.carriedPayments ?? []) loaded.table.pushCarried(c.record);
  loaded.table.trim();
  progress?.('reading', fileBytes, fileBytes);
  progress?.('matching', 0, 1);
  const result = matchPayments(loaded.table, ledger, { toleranceMs, periodStart: period.start.getTime(), periodEnd: period.end.getTime() });
  const totals = summarize(loaded.table, ledger, result);
  ledger.releaseLookups();
  progress?.('matching', 1, 1);
  const above = totalAboveLimit(totals);
  if (above) {
    const error = new InputLineError(loaded.lastLine, `the run's ${above} is above 10^15 đồng, the hub's bound on an amount: split the statement or check its number format`, source);
    throw new StatementRejectedError([error], 1, source);
  }
  return {
    period,
    payments: loaded.table,
    ledger,
    result,
    totals,
    rows: loaded.rows,
    ignoredRows: loaded.ignoredRows,
    hashes: loaded.hashes,
  };
}

/** [t − tolerance, t + tolerance] around each instant, overlapping ones merged, in time order. */
function mergedWindows(instants: number[], toleranceMs: number): [number, number][] {
  const windows: [number, number][] = [];
  for (const t of [...instants].sort((a, b) => a - b)) {
    const last = windows[windows.length - 1];
    if (last && t - toleranceMs <= last[1]) last[1] = Math.max(last[1], t + toleranceMs + 1);
    else windows.push([t - toleranceMs, t + toleranceMs + 1]);
  }
  return windows;
}

/** Inside the transaction: another import superseded the same version first. */
class SupersededMeanwhile extends Error {
  constructor(runId: string) {
    super(`run ${runId} was superseded meanwhile`);
  }
}

/** The same file was imported before for another period. */
export class AlreadyImportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlreadyImportedError';
  }
}

/**
 * One import: recognises a file seen before (SHA-256 of bytes or content, per provider) and returns
 * its run; refuses a period a closed period overlaps; otherwise validates the whole file, matches
 * (with the provider's open expectations of earlier runs carried over), and stores the run and its
 * items in one transaction, so a failure leaves nothing behind. A different file for a provider and
 * period that already has a run is a corrected statement: the new run supersedes it as the next
 * version, manual resolutions of unchanged items are carried over, and the earlier version stays.
 */
export function reconcileStatement(em: EntityManager, request: ReconcileRequest): Promise<ReconcileOutcome> {
  return withSqlitePageCache(em, IMPORT_PAGE_CACHE_KIB, () => importStatement(em, request));
}

async function importStatement(em: EntityManager, request: ReconcileRequest): Promise<ReconcileOutcome> {
  readerFor(request.provider);
  const period = parsePeriod(request.period);
  const source = path.basename(request.file);
  // The file is hashed while it is parsed, so a re-sent file is recognised after reading, not
  // before. Where the import stops earlier (a closed period, a file refused), the hashes are taken
  // on their own, so that a file seen before still gets its "already imported" answer.
  const closed = await closedPeriodOverlapping(em, request.provider, period.firstDay, period.lastDay);
  if (closed) {
    const earlier = await importedBefore(em, request.provider, period, source, await statementHashes(request.file));
    if (earlier) return earlier;
    await refuseClosedPeriod(em, request.provider, period);
  }

  const currentKey = `${request.provider}|${period.label}`;
  const current = await em.findOne(ReconciliationRun, { currentKey });
  const ledger = request.ledger ?? expectedPaymentLedger(em.fork());
  const carried = ledger.expectedPaymentsByIds ? await openExpectations(em, request.provider, current?.id ?? null) : new Map<string, number>();
  const carriedPayments = ledger.expectedPaymentsByReferences ? await openPayments(em, request.provider, current?.id ?? null) : [];
  let computed: ComputedReconciliation;
  try {
    computed = await computeReconciliation({ ...request, ledger, carried, carriedPayments });
  } catch (error) {
    if (!(error instanceof StatementRejectedError)) throw error;
    const earlier = await importedBefore(em, request.provider, period, source, await statementHashes(request.file));
    if (earlier) return earlier;
    throw error;
  }
  const { fileSha256: sha, contentSha256: content } = computed.hashes;
  const earlier = await importedBefore(em, request.provider, period, source, computed.hashes);
  if (earlier) return earlier;
  const carriedTransactions = new Map(carriedPayments.map((c) => [c.record.transactionId, c.itemId]));
  const { totals } = computed;
  const itemCount = computed.result.order.length;

  const run = Object.assign(new ReconciliationRun(), {
    id: randomUUID(),
    provider: request.provider,
    periodStart: period.firstDay,
    periodEnd: period.lastDay,
    periodLabel: period.label,
    fileName: source.slice(0, 300),
    fileSha256: sha,
    contentSha256: content,
    importedAt: new Date(),
    importedBy: request.importedBy,
    version: current ? current.version + 1 : 1,
    currentKey,
    supersedesRunId: current?.id ?? null,
    ledgerSource: ledger.name,
    toleranceMinutes: request.toleranceMinutes ?? DEFAULT_TOLERANCE_MINUTES,
    statementRows: computed.rows,
    ignoredRows: computed.ignoredRows,
    statementGrossVnd: totals.statementGrossVnd,
    reversedVnd: totals.reversedVnd,
    statementFeeVnd: totals.statementFeeVnd,
    expectedVnd: totals.expectedVnd,
    matchedVnd: totals.matchedVnd,
    matchedCount: totals.counts.MATCHED,
    amountMismatchCount: totals.counts.AMOUNT_MISMATCH,
    missingInStatementCount: totals.counts.MISSING_IN_STATEMENT,
    missingInLedgerCount: totals.counts.MISSING_IN_LEDGER,
    duplicateCount: totals.counts.DUPLICATE,
  });
  let carriedResolutions = 0;
  let settledOpenItems = 0;
  const byOutcome = emptyOutcomeTotals();
  try {
    await em.transactional(async (tx) => {
      // Again inside the transaction: a close that landed while the file was read wins.
      await refuseClosedPeriod(tx, request.provider, period);
      let resolved = new Map<string, ResolvedItem>();
      if (current) {
        const taken = await tx.nativeUpdate(ReconciliationRun, { id: current.id, currentKey }, { currentKey: null, supersededByRunId: run.id, supersededAt: run.importedAt });
        if (taken !== 1) throw new SupersededMeanwhile(current.id);
        await releaseSettlements(tx, current.id);
        resolved = await resolvedItemsByKey(tx, current.id);
      }
      run.firstItemId = itemCount ? await reserveItemIds(tx, itemCount) : null;
      await tx.insert(ReconciliationRun, run);
      const toCarry = new Map<number, ResolvedItem>();
      const items = linkedItems(resultEntries(computed.payments, computed.ledger, computed.result), { carried, carriedTransactions }, resolved, toCarry);
      await insertItems(tx, run.id, tallied(items, byOutcome), {
        firstItemId: run.firstItemId ?? 0,
        // An item taking over a resolution is updated by seq after the insert: it stays a row.
        packable: (item) => isPlainItem(item) && !toCarry.has(item.seq),
        onProgress: (written) => request.onProgress?.('storing', written, itemCount),
      });
      if (current) carriedResolutions = await carryResolutions(tx, current.id, run.id, toCarry);
      if (carried.size || carriedTransactions.size) settledOpenItems = await linkSettled(tx, run.id);
    });
  } catch (error) {
    // Someone imported the same file meanwhile: theirs stands, ours was rolled back.
    if (!(error instanceof UniqueConstraintViolationException) && !(error instanceof SupersededMeanwhile)) throw error;
    const winner = await em.fork().findOne(ReconciliationRun, { provider: request.provider, $or: [{ fileSha256: sha }, { contentSha256: content }] });
    if (!winner) throw conflict(`Another file for ${currentKey} was stored while this one was read: import it again to supersede that version.`);
    return { run: winner, alreadyImported: true };
  }
  if (current) {
    current.currentKey = null;
    current.supersededByRunId = run.id;
    current.supersededAt = run.importedAt;
  }
  return { run, alreadyImported: false, superseded: current, carriedResolutions, settledOpenItems, byOutcome };
}

/** The items as they pass to storage, added to `totals` per outcome as outcome-totals.query.ts sums them. */
function* tallied(items: Iterable<ResultItem | PlainRow>, totals: Record<ReconciliationOutcome, OutcomeTotal>): Generator<ResultItem | PlainRow> {
  const matched = totals.MATCHED;
  for (const item of items) {
    if (item instanceof PlainRow) {
      // MATCHED, paid what was expected, nothing reversed.
      const vnd = item.vnd;
      matched.count++;
      matched.paidVnd += vnd;
      matched.expectedVnd += vnd;
    } else {
      const total = totals[item.outcome];
      total.count++;
      total.paidVnd += item.paidVnd - item.reversedVnd;
      total.expectedVnd += item.expectedVnd;
    }
    yield item;
  }
}

/**
 * Adds to each item what storing needs beyond matching: the open item of an earlier run it settles
 * (its expectations or its payment were carried over), and whether the superseded version had the
 * same item with a resolution (recorded in `toCarry` by seq). The items as they are when there is
 * nothing to carry; a plain row stays one unless it settles an open item or resolutions are carried.
 */
/** Open items of earlier runs, by the expected payment id or the transaction id that settles each. */
interface OpenItems {
  carried: ReadonlyMap<string, number>;
  carriedTransactions: ReadonlyMap<string, number>;
}

function linkedItems(
  items: Iterable<ResultItem | PlainRow>,
  open: OpenItems,
  resolved: ReadonlyMap<string, ResolvedItem>,
  toCarry: Map<number, ResolvedItem>,
): Iterable<ResultItem | PlainRow> {
  const { carried, carriedTransactions } = open;
  // Not a generator of its own then: a million items would pass through one more for nothing.
  if (!carried.size && !carriedTransactions.size && !resolved.size) return items;
  return linkedEach(items, open, resolved, toCarry);
}

function* linkedEach(
  items: Iterable<ResultItem | PlainRow>,
  open: OpenItems,
  resolved: ReadonlyMap<string, ResolvedItem>,
  toCarry: Map<number, ResolvedItem>,
): Generator<ResultItem | PlainRow> {
  const { carried, carriedTransactions } = open;
  /** A plain row whose expectation or payment was carried over: it settles an open item. */
  const settles = (row: PlainRow) =>
    (carried.size > 0 && carried.has(row.ledger.id(row.expectation))) ||
    (carriedTransactions.size > 0 && row.payments.line[row.payment] === 0 && carriedTransactions.has(row.payments.transactionId(row.payment)));
  for (const entry of items) {
    if (entry instanceof PlainRow && !resolved.size && !settles(entry)) {
      yield entry;
      continue;
    }
    const item = entry instanceof PlainRow ? entry.item() : entry;
    if (carried.size) {
      for (const id of item.expectedPaymentIds) {
        const from = carried.get(id);
        if (from !== undefined) item.carriedFromItemId = from;
      }
    }
    if (carriedTransactions.size) {
      // Only a carried row has line 0: a row of this file with the same transaction id is another row.
      item.transactionIds.forEach((id, k) => {
        const from = carriedTransactions.get(id);
        if (from !== undefined && item.lines[k] === 0) item.carriedFromItemId = from;
      });
    }
    if (resolved.size) {
      const key = itemFactsKey({
        outcome: item.outcome,
        rule: item.rule,
        transactionIdsJson: JSON.stringify(item.transactionIds),
        expectedPaymentIdsJson: JSON.stringify(item.expectedPaymentIds),
        paidVnd: item.paidVnd,
        reversedVnd: item.reversedVnd,
        expectedVnd: item.expectedVnd,
      });
      const earlier = resolved.get(key);
      if (earlier) toCarry.set(item.seq, earlier);
    }
    yield item;
  }
}

/**
 * The run of a file imported before (the same bytes, or the same content re-saved: CRLF, BOM, NFD),
 * or null. The same file for another period is refused: a statement file belongs to one period.
 */
async function importedBefore(em: EntityManager, provider: string, period: Period, source: string, hashes: StatementHashes): Promise<ReconcileOutcome | null> {
  const previous = await em.findOne(ReconciliationRun, { provider, $or: [{ fileSha256: hashes.fileSha256 }, { contentSha256: hashes.contentSha256 }] });
  if (!previous) return null;
  if (previous.periodLabel !== period.label) {
    throw new AlreadyImportedError(
      `${source} was already imported as run ${previous.id} for the period ${previous.periodLabel}, not ${period.label}: a statement file belongs to one period.`,
    );
  }
  return { run: previous, alreadyImported: true };
}

async function refuseClosedPeriod(em: EntityManager, provider: string, period: Period): Promise<void> {
  const closed = await closedPeriodOverlapping(em, provider, period.firstDay, period.lastDay);
  if (closed) {
    throw conflict(
      `The period ${closed.periodLabel} of ${provider} is closed (by ${closed.closedBy} on ${closed.closedAt.toISOString().slice(0, 10)}): no run can be imported for ${period.label}. Reopen the period first, with a reason.`,
      { periodId: closed.id },
    );
  }
}
