import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../../../core/subgraph.js';
import type { ImportKind, ImportReport } from './import-report.js';
import { importGroup } from '../../shared/import-group.js';
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
  const what = report.kind === 'budget' ? 'budget rows' : report.kind === 'indicators' ? 'indicator values' : report.kind;
  return `${report.source}: ${report.rows} ${what} read; ${report.created} ${verb} created, ${report.updated} updated, ${report.unchanged} unchanged.`;
}

export function registerImportCommands(program: Command, context: CommandContext): void {
  const group = importGroup(program);
  const kinds: [ImportKind, string][] = [
    ['documents', 'incoming and outgoing documents (document-system export), with their digital signatures'],
    ['dossiers', 'administrative procedure dossiers (one-stop system export)'],
    ['figures', 'figures a source report stated (e.g. an online rate of 26.7%), shown beside the computed KPIs'],
    ['targets', 'KPI targets set by a province for its communes or for one commune (e.g. online rate at least 50% in 2021)'],
    ['budget', 'a commune budget: the year\'s estimate and monthly execution of revenue and expenditure by state budget code'],
    ['indicators', 'socio-economic indicators per commune and year (population, households, poverty, income, broadband, cashless accounts)'],
    ['alerts', 'internet information monitoring alerts (source, URL, time, topic, severity, handled or not) for the communes\' officers'],
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
        // Loaded now, not with the program (cli/README.md).
        const [{ databaseTarget, openDatabase }, { runImport }] = await Promise.all([import('../../../core/db/database.js'), import('./import-runner.js')]);
        const { database } = context.subgraph;
        const orm = await openDatabase(database, databaseTarget(context.config(), database.name, { bulk: true }));
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
