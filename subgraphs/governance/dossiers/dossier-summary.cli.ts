import type { Command } from 'commander';
import { databaseTarget, openDatabase } from '../../../core/db/database.js';
import type { CommandContext } from '../../../core/subgraph.js';
import { rebuildDossierSummaryCommand } from './rebuild-dossier-summary.command.js';

/** `hub dossiers rebuild-summary`: recounts the month summary the dossier KPIs read. */
export function registerDossierSummaryCommand(program: Command, context: CommandContext): void {
  program
    .command('dossiers')
    .description('Administrative procedure dossiers')
    .command('rebuild-summary')
    .description(
      'Recount the per-commune, per-month dossier summary (what dossierStats and the province figures read) from the dossiers, in one transaction. ' +
        'Needed only after dossiers were written straight into the database; the hub keeps it exact on every write and import.',
    )
    .action(async () => {
      const { database } = context.subgraph;
      const orm = await openDatabase(database, databaseTarget(context.config(), database.name));
      try {
        const started = Date.now();
        const { communeMonths } = await rebuildDossierSummaryCommand(orm.em.fork());
        console.log(`dossier summary rebuilt: ${communeMonths} commune-months in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      } finally {
        await orm.close(true);
      }
    });
}
