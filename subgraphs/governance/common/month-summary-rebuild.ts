import type { Command } from 'commander';
import type { EntityManager } from '@mikro-orm/core';
import { databaseTarget, openDatabase, toCount } from '../../../core/db/database.js';
import type { CommandContext } from '../../../core/subgraph.js';
import { executeSql, isSqlite, tableName } from './dialect.js';

/** A per-commune, per-month summary table and how to recount it from its source rows. */
export interface MonthSummary {
  /** The command group: `hub <group> rebuild-summary`. */
  group: string;
  groupDescription: string;
  table: string;
  /** What reads it and what it is recounted from, for the command's help. */
  description: string;
  /** Replaces every row with a recount; called inside the transaction. */
  rebuild(tx: EntityManager): Promise<void>;
}

/**
 * Recounts the whole summary in one transaction (readers see the old summary until it commits):
 * after rows were written outside the hub's write paths, e.g. a bulk load straight into the database.
 * Returns the number of commune-months.
 */
export async function rebuildMonthSummary(em: EntityManager, summary: MonthSummary): Promise<{ communeMonths: number }> {
  const table = tableName(em, summary.table);
  const result = await em.transactional(async (tx) => {
    // A recount of tens of millions of rows outlasts the statement timeout meant for requests (DATABASE_STATEMENT_TIMEOUT_MS).
    if (!isSqlite(tx)) await executeSql(tx, 'set local statement_timeout = 0');
    await summary.rebuild(tx);
    const [row] = await executeSql(tx, `select count(*) as n from ${table}`);
    return { communeMonths: toCount(row?.n) };
  });
  // Every row was replaced: fresh planner statistics rather than waiting for autovacuum and, on PostgreSQL, a
  // vacuum that marks the new pages all-visible, without which the KPI reads' index-only scans fetch every row
  // from the table as well (vacuum runs outside a transaction: the recount has committed).
  await executeSql(em, `${isSqlite(em) ? 'analyze' : 'vacuum analyze'} ${table}`);
  return result;
}

/** `hub <group> rebuild-summary` for one summary table. */
export function registerRebuildSummaryCommand(program: Command, context: CommandContext, summary: MonthSummary): void {
  program
    .command(summary.group)
    .description(summary.groupDescription)
    .command('rebuild-summary')
    .description(`${summary.description} Needed only after rows were written straight into the database; the hub keeps it exact on every write and import.`)
    .action(async () => {
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
