import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { databaseTarget, openDatabase } from '../../../core/db/database.js';
import type { CommandContext } from '../../../core/subgraph.js';
import type { ImportKind, ImportReport } from './import-report.js';
import { runImport } from './import-runner.js';
import { formatOf } from './import-source.js';

const FORMAT_DOC = 'subgraphs/governance/README.md#import-formats';

export function describeReport(report: ImportReport): string {
  if (report.errors.length) {
    return [
      ...report.errors.map((e) => e.message),
      `${report.source}: ${report.errors.length} problem(s) in ${report.rows} row(s); nothing was imported. Fix the rows and run the import again.`,
    ].join('\n');
  }
  const verb = report.dryRun ? 'would be' : 'were';
  return `${report.source}: ${report.rows} ${report.kind} read; ${report.created} ${verb} created, ${report.updated} updated, ${report.unchanged} unchanged.`;
}

/** The import command group; other subgraphs may add their own kinds under `hub import`. */
export function importGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('Import records from files (validated first; all or nothing; re-importing changes nothing)')
  );
}

export function registerImportCommands(program: Command, context: CommandContext): void {
  const group = importGroup(program);
  const kinds: [ImportKind, string][] = [
    ['documents', 'incoming and outgoing documents (document-system export), with their digital signatures'],
    ['dossiers', 'administrative procedure dossiers (one-stop system export)'],
    ['figures', 'figures a source report stated (e.g. an online rate of 26.7%), shown beside the computed KPIs'],
    ['targets', 'KPI targets set by a province for its communes or for one commune (e.g. online rate at least 50% in 2021)'],
  ];
  for (const [kind, what] of kinds) {
    group
      .command(`${kind} <file>`)
      .description(`Import ${what} from CSV or JSON into governance (format: ${FORMAT_DOC})`)
      .option('--format <format>', 'csv or json (default: from the file extension)')
      .option('--dry-run', 'validate and count, write nothing')
      .action(async (file: string, options: { format?: string; dryRun?: boolean }) => {
        const format = formatOf(file, options.format);
        const text = await readFile(file, 'utf8');
        const { database } = context.subgraph;
        const orm = await openDatabase(database, databaseTarget(context.config(), database.name));
        try {
          const report = await runImport(orm.em.fork(), { kind, format, text, source: path.basename(file), dryRun: options.dryRun });
          if (report.errors.length) {
            console.error(describeReport(report));
            process.exitCode = 1;
          } else {
            console.log(describeReport(report));
          }
        } finally {
          await orm.close(true);
        }
      });
  }
}
