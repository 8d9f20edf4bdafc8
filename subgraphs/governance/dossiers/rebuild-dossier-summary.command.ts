import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import { executeSql, isSqlite, tableName } from '../common/dialect.js';
import { rebuildDossierSummary } from './dossier-summary.store.js';

/**
 * Recounts the whole month summary from the dossiers in one transaction (readers see the old
 * summary until it commits): after rows were written outside the hub's write paths, e.g. a bulk
 * load straight into the database. Returns the number of commune-months.
 */
export async function rebuildDossierSummaryCommand(em: EntityManager): Promise<{ communeMonths: number }> {
  const result = await em.transactional(async (tx) => {
    // A recount of tens of millions of dossiers outlasts the statement timeout meant for requests (DATABASE_STATEMENT_TIMEOUT_MS).
    if (!isSqlite(tx)) await executeSql(tx, 'set local statement_timeout = 0');
    await rebuildDossierSummary(tx);
    const [row] = await executeSql(tx, `select count(*) as n from ${tableName(tx, 'dossier_month_summary')}`);
    return { communeMonths: toCount(row?.n) };
  });
  // Every row was replaced: fresh planner statistics rather than waiting for autovacuum and, on PostgreSQL, a
  // vacuum that marks the new pages all-visible, without which the KPI reads' index-only scans fetch every row
  // from the table as well (vacuum runs outside a transaction: the recount has committed).
  await executeSql(em, `${isSqlite(em) ? 'analyze' : 'vacuum analyze'} ${tableName(em, 'dossier_month_summary')}`);
  return result;
}
