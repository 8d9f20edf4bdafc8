import { userInfo } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../../../core/subgraph.js';
import { PROVIDERS } from '../../../connectors/statements/registry.js';
import { DEFAULT_TOLERANCE_MINUTES, OUTCOME_CODES } from './matcher.rules.js';
import type { OutcomeTotal } from './outcome-totals.query.js';
import type { ReconciliationRun } from './reconciliation-run.entity.js';
import type { StatementReadAside } from './statement-read.js';

const vnd = new Intl.NumberFormat('vi-VN');

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
  xlsx?: string;
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
    .option('--csv <out>', 'also write the run\'s items to this CSV file (UTF-8 with BOM, Vietnam time)')
    .option('--xlsx <out>', 'also write the run as an Excel workbook (Totals and Items sheets)')
    .option('--tolerance <minutes>', 'time tolerance of the amount-and-time rule, in minutes', String(DEFAULT_TOLERANCE_MINUTES))
    .option('--as <name>', 'who is importing (default: cli:<OS user>)')
    .action(async (options: ReconcileOptions) => {
      const tolerance = Number(options.tolerance);
      if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 7 * 24 * 60) throw new Error(`--tolerance must be whole minutes from 0 to ${7 * 24 * 60}, got "${options.tolerance}".`);
      // The file is read on a worker thread from now on, while this one loads its modules and
      // opens the database: reading is the longer branch of an import (reconcile.command.ts).
      const [{ useBulkJobHeap }, { readStatementAside }] = await Promise.all([import('../../../core/bulk-job-heap.js'), import('./statement-read.js')]);
      // A million rows stream through this process once (see useBulkJobHeap): set before the worker's heap is made.
      useBulkJobHeap();
      const statement = readStatementAside({ provider: options.provider, file: options.file, period: options.period, source: path.basename(options.file) });
      try {
        await importStatementFile(context, options, tolerance, statement);
      } finally {
        statement.cancel();
      }
    });
}

/** The import itself, with the statement already being read on a worker thread. */
async function importStatementFile(context: CommandContext, options: ReconcileOptions, tolerance: number, statement: StatementReadAside): Promise<void> {
  // Loaded now, not with the program (cli/README.md: every command loads only its own code), while
  // the worker reads: MikroORM, its drivers and the tables too.
  const [{ databaseTarget, openDatabase }, { withSqlitePageCache }, { IMPORT_PAGE_CACHE_KIB, reconcileStatement }, { outcomeTotals }, { writeItemsCsv, writeItemsXlsx }, { progressReporter }] =
    await Promise.all([
      import('../../../core/db/database.js'),
      import('../../../core/db/sqlite-page-cache.js'),
      import('./reconcile.command.js'),
      import('./outcome-totals.query.js'),
      import('./items-export.js'),
      import('./progress-reporter.js'),
    ]);
  const { database } = context.subgraph;
  const orm = await openDatabase(database, databaseTarget(context.config(), database.name, { bulk: true }));
  // Progress on stderr, so stdout stays the summary: a bar on a terminal, periodic lines when piped.
  const progress = progressReporter(process.stderr);
  try {
    const { run, alreadyImported, superseded, carriedResolutions, settledOpenItems, byOutcome } = await reconcileStatement(orm.em.fork(), {
      provider: options.provider,
      file: options.file,
      period: options.period,
      toleranceMinutes: tolerance,
      importedBy: options.as ?? `cli:${userInfo().username}`,
      onProgress: progress.listener,
      statement,
    });
    progress.finish();
    console.log(
      alreadyImported
        ? `${path.basename(options.file)} was already imported (same SHA-256) as run ${run.id} on ${run.importedAt.toISOString()}: nothing was added.`
        : `Run ${run.id}: ${run.provider}, period ${run.periodLabel}, ${path.basename(options.file)}, version ${run.version}`,
    );
    if (superseded) {
      console.log(
        `Supersedes version ${superseded.version} (run ${superseded.id}, still readable: hub reconciliation runs --provider ${run.provider} --period ${run.periodLabel}); resolutions carried over to ${carriedResolutions ?? 0} unchanged item(s).`,
      );
    }
    if (settledOpenItems) console.log(`Settled ${settledOpenItems} open item(s) of earlier runs (late payments matched here).`);
    // The summary and the exports read every item once: through the import's small page cache,
    // or SQLite's 16 MB would fill now and be the command's peak.
    await withSqlitePageCache(orm.em.fork(), IMPORT_PAGE_CACHE_KIB, async () => {
      // A new run's totals were summed while its items were written; an earlier run's are read.
      console.log(summaryTable(run, byOutcome ?? (await outcomeTotals(orm.em.fork(), run.id))));
      if (options.csv) {
        const written = await writeItemsCsv(orm.em.fork(), run, options.csv);
        console.log(`Wrote ${vnd.format(written)} items to ${options.csv}`);
      }
      if (options.xlsx) {
        const written = await writeItemsXlsx(orm.em.fork(), run, options.xlsx);
        console.log(`Wrote ${vnd.format(written)} items and the totals to ${options.xlsx}`);
      }
    });
  } finally {
    progress.finish();
    await orm.close(true);
  }
}
