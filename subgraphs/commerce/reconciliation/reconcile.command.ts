import { randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { checkProvider, fileHeadLines } from '../../../connectors/statements/identify.js';
import { readerFor } from '../../../connectors/statements/registry.js';
import { InputLineError } from '../../../core/domain-errors.js';
import { expectedPaymentLedger, type Ledger } from './ledger.js';
import { matchPayments, type MatchResult } from './matcher.rules.js';
import { insertItems } from './item.store.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';
import { parsePeriod, type Period } from './period.js';
import { resultItems, summarize, totalAboveLimit, type RunTotals } from './result-items.js';
import { fileSha256, loadStatement, StatementRejectedError } from './statement-load.js';
import { LedgerTable, type PaymentTable } from './tables.js';

/** Default time tolerance of the amount-and-time rule: payments usually follow the order within minutes. */
export const DEFAULT_TOLERANCE_MINUTES = 120;

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
  /** Called as the file is read, with bytes read and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Called as items are written, with how many are written and how many there are. */
  onStoreProgress?: (written: number, total: number) => void;
}

export interface ReconcileOutcome {
  run: ReconciliationRun;
  /** True when this file had been imported before: the earlier run is returned, nothing is written. */
  alreadyImported: boolean;
}

export interface ComputedReconciliation {
  period: Period;
  payments: PaymentTable;
  ledger: LedgerTable;
  result: MatchResult;
  totals: RunTotals;
  rows: number;
  ignoredRows: number;
}

/**
 * Reads and validates the statement, loads the ledger and matches: everything but storing.
 * Throws UnknownProviderError, StatementRejectedError (with line numbers) or an Error for the period.
 */
export async function computeReconciliation(
  request: Pick<ReconcileRequest, 'provider' | 'file' | 'period' | 'toleranceMinutes' | 'onProgress'> & { ledger: Ledger },
): Promise<ComputedReconciliation> {
  const reader = readerFor(request.provider);
  const period = parsePeriod(request.period);
  const toleranceMs = (request.toleranceMinutes ?? DEFAULT_TOLERANCE_MINUTES) * 60_000;
  // The ledger first: the statement's rows then share its reference strings (memory at 1M rows).
  const ledger = new LedgerTable();
  const from = new Date(period.start.getTime() - toleranceMs);
  const to = new Date(period.end.getTime() + toleranceMs);
  for await (const expected of request.ledger.expectedPayments(request.provider, from, to)) ledger.push(expected);
  const source = path.basename(request.file);
  try {
    checkProvider(reader, await fileHeadLines(request.file), source);
  } catch (error) {
    if (error instanceof InputLineError) throw new StatementRejectedError([error], 1, source);
    throw error;
  }
  const input = createReadStream(request.file, { highWaterMark: 256 * 1024 });
  if (request.onProgress) {
    const total = statSync(request.file).size;
    let read = 0;
    input.on('data', (chunk) => {
      read += chunk.length;
      request.onProgress!(read, total);
    });
  }
  const loaded = await loadStatement(reader, input, { period, source, ledger });
  const result = matchPayments(loaded.table, ledger, { toleranceMs, periodStart: period.start.getTime(), periodEnd: period.end.getTime() });
  const totals = summarize(loaded.table, ledger, result);
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
  };
}

/** The same file was imported before for another period. */
export class AlreadyImportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlreadyImportedError';
  }
}

/**
 * One import: recognises a file seen before (SHA-256 per provider) and returns its run; otherwise
 * validates the whole file, matches, and stores the run and its items in one transaction, so a
 * failure leaves nothing behind.
 */
export async function reconcileStatement(em: EntityManager, request: ReconcileRequest): Promise<ReconcileOutcome> {
  readerFor(request.provider);
  const period = parsePeriod(request.period);
  const sha = await fileSha256(request.file);
  const previous = await em.findOne(ReconciliationRun, { provider: request.provider, fileSha256: sha });
  if (previous && previous.periodLabel !== period.label) {
    throw new AlreadyImportedError(
      `${path.basename(request.file)} was already imported as run ${previous.id} for the period ${previous.periodLabel}, not ${period.label}: a statement file belongs to one period.`,
    );
  }
  if (previous) return { run: previous, alreadyImported: true };

  const ledger = request.ledger ?? expectedPaymentLedger(em.fork());
  const computed = await computeReconciliation({ ...request, ledger });
  const { totals } = computed;
  const itemCount = computed.result.order.length;

  const run = Object.assign(new ReconciliationRun(), {
    id: randomUUID(),
    provider: request.provider,
    periodStart: period.firstDay,
    periodEnd: period.lastDay,
    periodLabel: period.label,
    fileName: path.basename(request.file).slice(0, 300),
    fileSha256: sha,
    importedAt: new Date(),
    importedBy: request.importedBy,
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
  try {
    await em.transactional(async (tx) => {
      await tx.insert(ReconciliationRun, run);
      await insertItems(tx, run.id, resultItems(computed.payments, computed.ledger, computed.result), (written) => request.onStoreProgress?.(written, itemCount));
    });
  } catch (error) {
    // Someone imported the same file meanwhile: theirs stands, ours was rolled back.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const winner = await em.fork().findOne(ReconciliationRun, { provider: request.provider, fileSha256: sha });
    if (!winner) throw error;
    return { run: winner, alreadyImported: true };
  }
  return { run, alreadyImported: false };
}
