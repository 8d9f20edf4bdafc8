import type { Command } from 'commander';
import type { CommandContext } from '../../../core/subgraph.js';
import type { MonthSummary } from './month-summary.js';

/** `hub <group> rebuild-summary` for one summary table. */
export function registerRebuildSummaryCommand(program: Command, context: CommandContext, summary: MonthSummary): void {
  program
    .command(summary.group)
    .description(summary.groupDescription)
    .command('rebuild-summary')
    .description(`${summary.description} Needed only after rows were written straight into the database; the hub keeps it exact on every write and import.`)
    .action(async () => {
      // Loaded now, not with the program (cli/README.md).
      const [{ databaseTarget, openDatabase }, { rebuildMonthSummary }] = await Promise.all([import('../../../core/db/database.js'), import('./month-summary.store.js')]);
      const { database } = context.subgraph;
      const orm = await openDatabase(database, databaseTarget(context.config(), database.name));
      try {
        const started = Date.now();
        const { communeMonths } = await rebuildMonthSummary(orm.em.fork(), summary);
        console.log(`${summary.table} rebuilt: ${communeMonths} commune-months in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      } finally {
        await orm.close(true);
      }
    });
}
