import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { CommandContext } from '../../../core/subgraph.js';
import { isCalendarDate, todayInVietnam, vietnamIsoTime } from '../../../core/time.js';
import { summaryTable } from './reconcile.cli.js';
import type { EntityManager } from '@mikro-orm/core';

const vnd = new Intl.NumberFormat('vi-VN');

/**
 * `hub reconciliation …`: what finance does around imports from the command line: list runs and
 * their versions (superseded ones stay readable), export any version, the aged open items, close
 * and reopen a period (audited with --as and --reason). Each loads its own code when it runs (cli/README.md).
 */
export function registerReconciliationCommands(program: Command, context: CommandContext): void {
  const withDatabase = async <T>(work: (em: EntityManager) => Promise<T>): Promise<T> => {
    const { databaseTarget, openDatabase } = await import('../../../core/db/database.js');
    const { database } = context.subgraph;
    const orm = await openDatabase(database, databaseTarget(context.config(), database.name));
    try {
      return await work(orm.em.fork());
    } finally {
      await orm.close(true);
    }
  };
  const who = (as: string | undefined) => as ?? `cli:${userInfo().username}`;
  const group = program.command('reconciliation').description('Reconciliation runs, exports, aged open items and period close (đối soát)');

  group
    .command('runs')
    .description('List runs, newest first, with their versions (a corrected file supersedes the earlier run, which stays readable)')
    .option('--provider <provider>', 'only this provider')
    .option('--period <period>', 'only this period (yyyy-mm-dd or yyyy-mm)')
    .option('--limit <n>', 'at most this many runs', '50')
    .action(async (options: { provider?: string; period?: string; limit: string }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error(`--limit must be a whole number from 1 to 1000, got "${options.limit}".`);
      await withDatabase(async (em) => {
        const { listRuns } = await import('./runs.query.js');
        const { rows, total } = await listRuns(em, { provider: options.provider, period: options.period, limit });
        for (const r of rows.slice(0, limit)) {
          const state = r.supersededByRunId ? `superseded by ${r.supersededByRunId}` : 'current';
          console.log(`${r.id}  ${r.provider}  ${r.periodLabel}  v${r.version}  ${state}  ${vietnamIsoTime(r.importedAt)}  ${r.importedBy}  ${r.fileName}`);
        }
        console.log(`${Math.min(rows.length, limit)} of ${total} run(s)`);
      });
    });

  group
    .command('export')
    .description('Export a run (any version) as CSV (UTF-8 with BOM, Vietnam time) and/or XLSX (Totals and Items sheets)')
    .requiredOption('--run <id>', 'the run id (hub reconciliation runs)')
    .option('--csv <out>', 'write the items to this CSV file')
    .option('--xlsx <out>', 'write the totals and items to this Excel file')
    .action(async (options: { run: string; csv?: string; xlsx?: string }) => {
      if (!options.csv && !options.xlsx) throw new Error('Say where to export: --csv <file> and/or --xlsx <file>.');
      await withDatabase(async (em) => {
        const [{ findRun }, { outcomeTotals }, { writeItemsCsv, writeItemsXlsx }] = await Promise.all([import('./runs.query.js'), import('./outcome-totals.query.js'), import('./items-export.js')]);
        const run = await findRun(em, options.run);
        if (!run) throw new Error(`No reconciliation run ${options.run}: list them with hub reconciliation runs.`);
        console.log(`Run ${run.id}: ${run.provider}, period ${run.periodLabel}, version ${run.version}${run.supersededByRunId ? ` (superseded by ${run.supersededByRunId})` : ''}`);
        console.log(summaryTable(run, await outcomeTotals(em, run.id)));
        if (options.csv) console.log(`Wrote ${vnd.format(await writeItemsCsv(em, run, options.csv))} items to ${options.csv}`);
        if (options.xlsx) console.log(`Wrote ${vnd.format(await writeItemsXlsx(em, run, options.xlsx))} items and the totals to ${options.xlsx}`);
      });
    });

  group
    .command('aging')
    .description('Open items of the current runs by age: 0-7, 8-30, 31-90, >90 days, with the open VND')
    .option('--provider <provider>', 'only this provider')
    .option('--as-of <day>', 'count ages to this day (yyyy-mm-dd, default today in Vietnam)')
    .action(async (options: { provider?: string; asOf?: string }) => {
      const asOf = options.asOf ?? todayInVietnam();
      if (!isCalendarDate(asOf)) throw new Error(`--as-of must be a day written yyyy-mm-dd, got "${asOf}".`);
      await withDatabase(async (em) => {
        const { agingReport } = await import('./aging.query.js');
        const buckets = await agingReport(em, options.provider, asOf);
        console.log(`Open items as of ${asOf}${options.provider ? ` (${options.provider})` : ''}:`);
        for (const b of buckets) console.log(` ${`${b.label} days`.padEnd(11)} | ${vnd.format(b.count).padStart(9)} items | ${vnd.format(b.openVnd).padStart(18)} VND`);
      });
    });

  group
    .command('close')
    .description('Close a provider\'s period: no run can then be imported or superseded for it, nor its items changed')
    .requiredOption('--provider <provider>', 'statement provider')
    .requiredOption('--period <period>', 'a month (yyyy-mm) or a day (yyyy-mm-dd)')
    .option('--reason <text>', 'why (kept in the audit trail)')
    .option('--as <name>', 'who closes it (default: cli:<OS user>)')
    .action(async (options: { provider: string; period: string; reason?: string; as?: string }) => {
      await withDatabase(async (em) => {
        const { closePeriod } = await import('./close-period.command.js');
        const period = await closePeriod(em, { provider: options.provider, period: options.period, by: who(options.as), reason: options.reason });
        console.log(`Closed ${period.provider} ${period.periodLabel} (${period.periodStart} to ${period.periodEnd}) as ${period.closedBy}.`);
      });
    });

  group
    .command('reopen')
    .description('Reopen a closed period; the reason is required and kept with who and when')
    .requiredOption('--provider <provider>', 'statement provider')
    .requiredOption('--period <period>', 'the closed period')
    .requiredOption('--reason <text>', 'why it is reopened')
    .option('--as <name>', 'who reopens it (default: cli:<OS user>)')
    .action(async (options: { provider: string; period: string; reason: string; as?: string }) => {
      await withDatabase(async (em) => {
        const { reopenPeriod } = await import('./reopen-period.command.js');
        const period = await reopenPeriod(em, { provider: options.provider, period: options.period, by: who(options.as), reason: options.reason });
        console.log(`Reopened ${period.provider} ${period.periodLabel}: runs can be imported and items changed again.`);
      });
    });
}
