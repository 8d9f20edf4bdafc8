import path from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../../../core/subgraph.js';
import { importGroup } from '../../shared/import-group.js';

export function registerImportPaymentsCommand(program: Command, context: CommandContext): void {
  importGroup(program)
    .command('payments <file>')
    .description('Import expected payments (the ledger side of reconciliation) from CSV or JSON (format: subgraphs/commerce/reconciliation/README.md#expected-payments)')
    .option('--format <format>', 'csv or json (default: from the file extension)')
    .option('--dry-run', 'validate and count, write nothing')
    .action(async (file: string, options: { format?: string; dryRun?: boolean }) => {
      const format = (options.format ?? path.extname(file).slice(1)).toLowerCase();
      if (format !== 'csv' && format !== 'json') throw new Error(`Cannot tell the format of ${path.basename(file)}: give --format csv or --format json.`);
      // Loaded now, not with the program (cli/README.md).
      const [{ useBulkJobHeap }, { databaseTarget, openDatabase }, { describeExpectedPaymentImport, importExpectedPayments }] = await Promise.all([
        import('../../../core/bulk-job-heap.js'),
        import('../../../core/db/database.js'),
        import('./expected-payment-import.js'),
      ]);
      // A million rows stream through this process, twice: see useBulkJobHeap.
      useBulkJobHeap();
      const { database } = context.subgraph;
      const orm = await openDatabase(database, databaseTarget(context.config(), database.name, { bulk: true }));
      try {
        const report = await importExpectedPayments(orm.em.fork(), { file, format, source: path.basename(file), dryRun: options.dryRun });
        if (report.problems) {
          console.error(describeExpectedPaymentImport(report));
          process.exitCode = 1;
        } else {
          console.log(describeExpectedPaymentImport(report));
        }
      } finally {
        await orm.close(true);
      }
    });
}
