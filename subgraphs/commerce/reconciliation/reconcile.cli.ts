import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { userInfo } from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { EntityManager } from '@mikro-orm/core';
import { databaseTarget, openDatabase } from '../../../core/db/database.js';
import type { CommandContext } from '../../../core/subgraph.js';
import { PROVIDERS } from '../../../connectors/statements/registry.js';
import { OUTCOME_CODES } from './matcher.rules.js';
import { outcomeTotals, type OutcomeTotal } from './outcome-totals.query.js';
import { DEFAULT_TOLERANCE_MINUTES, reconcileStatement } from './reconcile.command.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import type { ReconciliationRun } from './reconciliation-run.entity.js';

/** Files above this size get a progress bar (on a terminal). */
const PROGRESS_BYTES = 2 * 1024 * 1024;

const vnd = new Intl.NumberFormat('vi-VN');

/** Writes a run's items to CSV (csv-stringify quotes what needs quoting), read back from the database in pages. */
export async function writeItemsCsv(em: EntityManager, runId: string, file: string): Promise<number> {
  const columns = ['seq', 'outcome', 'rule', 'references', 'transaction_ids', 'statement_lines', 'expected_payment_ids', 'producer_ids', 'payer', 'paid_vnd', 'reversed_vnd', 'fee_vnd', 'expected_vnd', 'paid_at', 'expected_at', 'resolved_by', 'resolved_at'];
  const csv = stringify({ header: true, columns });
  const written = pipeline(csv, createWriteStream(file));
  const list = (json: string) => (JSON.parse(json) as unknown[]).join(' ');
  let after = -1;
  let count = 0;
  for (;;) {
    const rows = await em.find(ReconciliationItem, { runId, seq: { $gt: after } }, { orderBy: { seq: 'asc' }, limit: 5000, disableIdentityMap: true });
    for (const r of rows) {
      const line = [
        r.seq, r.outcome, r.rule, list(r.referencesJson), list(r.transactionIdsJson), list(r.linesJson), list(r.expectedPaymentIdsJson),
        r.producerKey.split('|').filter(Boolean).join(' '), r.payer, r.paidVnd, r.reversedVnd, r.feeVnd, r.expectedVnd,
        r.paidAt?.toISOString(), r.expectedAt?.toISOString(), r.resolvedBy, r.resolvedAt?.toISOString(),
      ];
      if (!csv.write(line)) await once(csv, 'drain');
      count++;
    }
    if (rows.length < 5000) break;
    after = rows[rows.length - 1].seq;
  }
  csv.end();
  await written;
  return count;
}

/** The summary table printed after an import. */
export function summaryTable(run: ReconciliationRun, byOutcome?: Record<string, OutcomeTotal>): string {
  const counts: Record<string, number> = {
    MATCHED: run.matchedCount,
    AMOUNT_MISMATCH: run.amountMismatchCount,
    MISSING_IN_STATEMENT: run.missingInStatementCount,
    MISSING_IN_LEDGER: run.missingInLedgerCount,
    DUPLICATE: run.duplicateCount,
  };
  const rows: [string, string][] = [
    ...OUTCOME_CODES.map((o): [string, string] => [o, vnd.format(counts[o])]),
    ['statement rows', vnd.format(run.statementRows)],
    ['ignored (pending/failed)', vnd.format(run.ignoredRows)],
    ['gross paid (VND)', vnd.format(run.statementGrossVnd)],
    ['reversed (VND)', vnd.format(run.reversedVnd)],
    ['fees (VND)', vnd.format(run.statementFeeVnd)],
    ['net to merchant (VND)', vnd.format(run.statementGrossVnd - run.reversedVnd - run.statementFeeVnd)],
    ['expected (VND)', vnd.format(run.expectedVnd)],
    ['matched (VND)', vnd.format(run.matchedVnd)],
    // Per outcome: what the statement paid (net of reversals) and what the ledger expected.
    ...(byOutcome ? OUTCOME_CODES.map((o): [string, string] => [`${o} paid / expected (VND)`, `${vnd.format(byOutcome[o].paidVnd)} / ${vnd.format(byOutcome[o].expectedVnd)}`]) : []),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const valueWidth = Math.max(...rows.map(([, v]) => v.length));
  const rule = `${'-'.repeat(width + 2)}+${'-'.repeat(valueWidth + 2)}`;
  return [rule, ...rows.map(([k, v]) => ` ${k.padEnd(width)} | ${v.padStart(valueWidth)}`), rule].join('\n');
}

interface ReconcileOptions {
  provider: string;
  file: string;
  period: string;
  csv?: string;
  tolerance: string;
  as?: string;
}

export function registerReconcileCommand(program: Command, context: CommandContext): void {
  program
    .command('reconcile')
    .description('Import an e-wallet statement and reconcile it against the expected payments (đối soát)')
    .requiredOption('--provider <provider>', `statement provider: ${PROVIDERS.join(', ')}`)
    .requiredOption('--file <file>', 'the statement file (CSV/TSV as the provider sends it)')
    .requiredOption('--period <period>', 'the period the file covers: a day (yyyy-mm-dd) or a month (yyyy-mm)')
    .option('--csv <out>', 'also write the run\'s items to this CSV file')
    .option('--tolerance <minutes>', 'time tolerance of the amount-and-time rule, in minutes', String(DEFAULT_TOLERANCE_MINUTES))
    .option('--as <name>', 'who is importing (default: cli:<OS user>)')
    .action(async (options: ReconcileOptions) => {
      const tolerance = Number(options.tolerance);
      if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 7 * 24 * 60) throw new Error(`--tolerance must be whole minutes from 0 to ${7 * 24 * 60}, got "${options.tolerance}".`);
      const { database } = context.subgraph;
      const orm = await openDatabase(database, databaseTarget(context.config(), database.name));
      // Progress on stderr, so stdout stays the summary; cli-progress draws only on a terminal.
      const bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: '{task} {bar} {percentage}% | {value}/{total} {unit} | ETA {eta}s', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      let task: 'reading' | 'storing' | null = null;
      const show = (next: 'reading' | 'storing', value: number, total: number, unit: string) => {
        if (task !== next) {
          if (task) bar.stop();
          bar.start(total, value, { task: next, unit });
          task = next;
        }
        bar.update(value);
      };
      let large = false;
      try {
        const { run, alreadyImported } = await reconcileStatement(orm.em.fork(), {
          provider: options.provider,
          file: options.file,
          period: options.period,
          toleranceMinutes: tolerance,
          importedBy: options.as ?? `cli:${userInfo().username}`,
          onProgress: (read, total) => {
            large = total >= PROGRESS_BYTES;
            if (large) show('reading', Math.floor(read / 1e6), Math.ceil(total / 1e6), 'MB');
          },
          onStoreProgress: (written, total) => {
            if (large) show('storing', written, total, 'items');
          },
        });
        if (task) bar.stop();
        task = null;
        console.log(
          alreadyImported
            ? `${path.basename(options.file)} was already imported (same SHA-256) as run ${run.id} on ${run.importedAt.toISOString()}: nothing was added.`
            : `Run ${run.id}: ${run.provider}, period ${run.periodLabel}, ${path.basename(options.file)}`,
        );
        console.log(summaryTable(run, await outcomeTotals(orm.em.fork(), run.id)));
        if (options.csv) {
          const written = await writeItemsCsv(orm.em.fork(), run.id, options.csv);
          console.log(`Wrote ${vnd.format(written)} items to ${options.csv}`);
        }
      } finally {
        if (task) bar.stop();
        await orm.close(true);
      }
    });
}
