import type { Command } from 'commander';

/**
 * The `hub import` command group. It is shared: governance and commerce add their kinds under it,
 * and whichever registers first creates it.
 */
export function importGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('Import records from files (validated first; all or nothing; re-importing changes nothing)')
  );
}
