import path from 'node:path';
import type { Command } from 'commander';
import type { HubConfig } from '../core/config.js';
import type * as SqliteBackup from '../core/db/sqlite-backup.js';
import { SUBGRAPH_NAMES } from '../subgraphs/registry.js';

const total = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

/** The backup code, loaded when `hub backup` or `hub restore` runs (it brings better-sqlite3), for the embedded mode only. */
async function embeddedBackup(config: HubConfig, command: string): Promise<typeof SqliteBackup> {
  const backup = await import('../core/db/sqlite-backup.js');
  if (config.DATABASE_URL) {
    throw new backup.BackupError(`hub ${command} copies the embedded SQLite databases; with DATABASE_URL set, use pg_dump/pg_restore per schema (README, "Backups").`);
  }
  return backup;
}

/** `hub backup <dir>` and `hub restore <dir>`: the embedded data directory, copied while the hub runs and put back. */
export function registerBackupCommands(program: Command, config: () => HubConfig): void {
  program
    .command('backup <dir>')
    .description('Copy the embedded databases and the token secret into a new directory, consistently, while the hub runs')
    .action(async (dir: string) => {
      const cfg = config();
      const { backupDataDir } = await embeddedBackup(cfg, 'backup');
      // Loaded now (cli/README.md): the key modules bring jose and fast-jwt, which only this command needs here.
      const [{ EMBEDDED_SECRET_FILE }, { GATEWAY_KEY_FILE }] = await Promise.all([
        import('../core/auth/keys.js'),
        import('../core/auth/gateway-assertion.js'),
      ]);
      const manifest = await backupDataDir(cfg.dataDir, SUBGRAPH_NAMES, path.resolve(dir), [EMBEDDED_SECRET_FILE, GATEWAY_KEY_FILE]);
      for (const db of manifest.databases) console.log(`${db.name}: ${total(db.rows)} rows in ${Object.keys(db.rows).length} tables, ${db.bytes} bytes`);
      console.log(`backup written to ${path.resolve(dir)}${manifest.secrets.length ? ` (with ${manifest.secrets.join(', ')}: keep it private)` : ''}`);
    });

  program
    .command('restore <dir>')
    .description('Put a backup made by `hub backup` back into the data directory (stop the hub first)')
    .option('--force', 'replace the databases already in the data directory')
    .action(async (dir: string, options: { force?: boolean }) => {
      const cfg = config();
      const { restoreDataDir } = await embeddedBackup(cfg, 'restore');
      const manifest = restoreDataDir(path.resolve(dir), SUBGRAPH_NAMES, cfg.dataDir, options);
      for (const db of manifest.databases) console.log(`${db.name}: ${total(db.rows)} rows restored`);
      console.log(`restored the backup of ${manifest.createdAt} into ${cfg.dataDir}; newer migrations apply at the next start`);
    });
}
