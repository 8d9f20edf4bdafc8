import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { databaseTarget, openDatabase } from '../../../core/db/database.js';
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
      const text = await readFile(file, 'utf8');
      // Loaded now, not with the program (cli/README.md).
      const { describeExpectedPaymentImport, importExpectedPayments } = await import('./expected-payment-import.js');
      const { database } = context.subgraph;
      const orm = await openDatabase(database, databaseTarget(context.config(), database.name, { bulk: true }));
      try {
        const report = await importExpectedPayments(orm.em.fork(), { text, format, source: path.basename(file), dryRun: options.dryRun });
        if (report.errors.length) {
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
