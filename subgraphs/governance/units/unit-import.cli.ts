import path from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../../../core/subgraph.js';
import { importGroup } from '../../shared/import-group.js';
import type { UnitImportReport } from './unit-import.command.js';

export function describeUnitImport(dir: string, report: UnitImportReport): string {
  if (report.errors.length) {
    return [...report.errors.map((e) => e.message), `${dir}: ${report.errors.length} problem(s); nothing was imported. Fix the rows and run the import again.`].join('\n');
  }
  const verb = report.dryRun ? 'would be' : 'were';
  return report.reforms
    .map(
      (r) =>
        `reform of ${r.effectiveOn}: units ${r.units.created} ${verb} created, ${r.units.updated} updated, ${r.units.unchanged} unchanged; ` +
        `successions ${r.successions.created} created, ${r.successions.updated} updated, ${r.successions.removed} removed, ${r.successions.unchanged} unchanged.`,
    )
    .join('\n');
}

/** `hub import units <dir>`: the national unit lists of one or more reforms. */
export function registerUnitImportCommand(program: Command, context: CommandContext): void {
  importGroup(program)
    .command('units <dir>')
    .description(
      'Import administrative units and their successions from a directory of reform files: units-before-<date>.csv, units-from-<date>.csv, ' +
        'successions-<date>.csv (optionally .gz; format: subgraphs/governance/README.md#unit-files)',
    )
    .option('--dry-run', 'validate and count, write nothing')
    .action(async (dir: string, options: { dryRun?: boolean }) => {
      // Loaded now, not with the program (cli/README.md).
      const [{ databaseTarget, openDatabase }, { findReformFiles }, { importUnits }] = await Promise.all([
        import('../../../core/db/database.js'),
        import('./unit-files.js'),
        import('./unit-import.command.js'),
      ]);
      let reforms;
      try {
        reforms = findReformFiles(path.resolve(dir));
      } catch (error) {
        console.error((error as Error).message);
        process.exitCode = 1;
        return;
      }
      const { database } = context.subgraph;
      const orm = await openDatabase(database, databaseTarget(context.config(), database.name, { bulk: true }));
      try {
        const report = await importUnits(orm.em.fork(), reforms, { dryRun: options.dryRun });
        if (report.errors.length) {
          console.error(describeUnitImport(dir, report));
          process.exitCode = 1;
        } else {
          console.log(describeUnitImport(dir, report));
        }
      } finally {
        await orm.close(true);
      }
    });
}
