import type { Command } from 'commander';
import type { EntityManager } from '@mikro-orm/core';
import type { CommandContext } from '../../../core/subgraph.js';

/** A per-commune, per-month summary table and how to recount it from its source rows. */
export interface MonthSummary {
  /** The command group: `hub <group> rebuild-summary`. */
  group: string;
  groupDescription: string;
  table: string;
  /** What reads it and what it is recounted from, for the command's help. */
  description: string;
  /** Replaces every row with a recount; called inside the transaction (loading its store then). */
  rebuild(tx: EntityManager): Promise<void>;
}

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
