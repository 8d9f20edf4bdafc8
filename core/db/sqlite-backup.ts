import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The file a backup directory describes itself with; restore trusts nothing it does not list. */
const MANIFEST = 'backup.json';
const FORMAT = 1;

export interface BackupDatabase {
  name: string;
  file: string;
  bytes: number;
  sha256: string;
  /** Applied migrations, newest last: a restore into an older hub would miss them. */
  migrations: string[];
  /** Rows per table in the copy (what a restore is checked against). */
  rows: Record<string, number>;
}

export interface BackupManifest {
  format: number;
  createdAt: string;
  databases: BackupDatabase[];
  /** The embedded keys copied (token secret, gateway signing key): the files the data directory had. */
  secrets: string[];
}

/** A backup or restore that cannot go on; its message says why and what to do. */
export class BackupError extends Error {}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Rows per user table (the migrations table included: it is part of what must come back). */
function tableRows(db: Database.Database): Record<string, number> {
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, Number(db.prepare(`select count(*) from "${t.replaceAll('"', '""')}"`).pluck().get())]));
}

function appliedMigrations(db: Database.Database): string[] {
  try {
    return db.prepare('select name from mikro_orm_migrations order by id').pluck().all() as string[];
  } catch {
    return [];
  }
}

function checkIntegrity(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupError(`${path.basename(file)} is damaged (integrity_check: ${String(result)}).`);
  } finally {
    db.close();
  }
}

/** Counts of the embedded database `file`, as a backup would record them. */
export function databaseRows(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return tableRows(db);
  } finally {
    db.close();
  }
}

/**
 * Copies the embedded databases of `dataDir` (and the token secret) into the new directory `outDir`
 * while the hub runs. Each database is copied with SQLite's online backup API in one step, i.e.
 * inside one read transaction: the copy is the database as of one moment, with every transaction
 * either in it or not, and writers are not blocked (WAL). The copy is written beside `outDir` and
 * renamed into place at the end, so a directory named `outDir` is always a complete backup.
 */
export async function backupDataDir(dataDir: string, names: readonly string[], outDir: string, secretFiles: readonly string[]): Promise<BackupManifest> {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new BackupError(`${outDir} exists and is not empty: back up into a new directory.`);
  const missing = names.filter((name) => !existsSync(path.join(dataDir, `${name}.sqlite`)));
  if (missing.length) throw new BackupError(`${dataDir} has no ${missing.map((n) => `${n}.sqlite`).join(', ')}: is HUB_DATA_DIR the hub's data directory? (With DATABASE_URL, back up PostgreSQL with pg_dump.)`);
  const partial = `${outDir.replace(/\/+$/, '')}.partial-${randomBytes(4).toString('hex')}`;
  // Personal data and keys: the backup is its owner's only, like the data directory.
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  try {
    const databases: BackupDatabase[] = [];
    for (const name of names) {
      const source = new Database(path.join(dataDir, `${name}.sqlite`), { readonly: true, fileMustExist: true });
      const file = `${name}.sqlite`;
      const target = path.join(partial, file);
      try {
        source.pragma('busy_timeout = 30000');
        // All pages in one step: one read transaction, so a write meanwhile never restarts the copy.
        await source.backup(target, { progress: () => Number.MAX_SAFE_INTEGER });
      } finally {
        source.close();
      }
      const copy = new Database(target, { fileMustExist: true });
      let entry: BackupDatabase;
      try {
        // A standalone file: no WAL beside it.
        copy.pragma('journal_mode = delete');
        entry = { name, file, bytes: 0, sha256: '', migrations: appliedMigrations(copy), rows: tableRows(copy) };
      } finally {
        copy.close();
      }
      checkIntegrity(target);
      databases.push({ ...entry, bytes: statSync(target).size, sha256: sha256(target) });
    }
    const secrets = secretFiles.filter((file) => existsSync(path.join(dataDir, file)));
    for (const file of secrets) copyFileSync(path.join(dataDir, file), path.join(partial, file));
    for (const file of readdirSync(partial)) chmodSync(path.join(partial, file), 0o600);
    const manifest: BackupManifest = { format: FORMAT, createdAt: new Date().toISOString(), databases, secrets };
    writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    if (existsSync(outDir)) rmSync(outDir, { recursive: true });
    renameSync(partial, outDir);
    return manifest;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

export function readManifest(backupDir: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(backupDir, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${backupDir} is not a hub backup: ${MANIFEST} is missing or unreadable.`);
  }
  if (manifest.format !== FORMAT) throw new BackupError(`${backupDir}: backup format ${String(manifest.format)} is not supported (this hub reads format ${FORMAT}).`);
  return manifest;
}

/**
 * Puts a backup back into `dataDir`. Everything is checked before anything is replaced: each file's
 * checksum and integrity, and that the backup holds every database this hub has. Each database is
 * then copied beside its target and renamed over it (its old WAL removed), and the restored counts
 * are compared with the manifest. The hub must be stopped; `force` is needed to replace data.
 */
export function restoreDataDir(backupDir: string, names: readonly string[], dataDir: string, options: { force?: boolean } = {}): BackupManifest {
  const manifest = readManifest(backupDir);
  const byName = new Map(manifest.databases.map((d) => [d.name, d]));
  const absent = names.filter((n) => !byName.has(n));
  if (absent.length) throw new BackupError(`${backupDir} has no copy of ${absent.join(', ')}; nothing was restored.`);
  for (const name of names) {
    const entry = byName.get(name)!;
    const file = path.join(backupDir, entry.file);
    if (!existsSync(file)) throw new BackupError(`${backupDir}: ${entry.file} is missing; nothing was restored.`);
    if (sha256(file) !== entry.sha256) throw new BackupError(`${backupDir}: ${entry.file} does not match its checksum (changed or damaged since the backup); nothing was restored.`);
    checkIntegrity(file);
  }
  const existing = names.filter((n) => existsSync(path.join(dataDir, `${n}.sqlite`)));
  if (existing.length && !options.force) {
    throw new BackupError(`${dataDir} already has ${existing.map((n) => `${n}.sqlite`).join(', ')}: stop the hub and restore with --force to replace them.`);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (const name of names) {
    const entry = byName.get(name)!;
    const target = path.join(dataDir, `${name}.sqlite`);
    const temporary = `${target}.restoring`;
    copyFileSync(path.join(backupDir, entry.file), temporary);
    chmodSync(temporary, 0o600);
    // A WAL left by the replaced database would be replayed into the restored one.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(temporary, target);
    const rows = databaseRows(target);
    if (JSON.stringify(rows) !== JSON.stringify(entry.rows)) throw new BackupError(`${name}: restored counts differ from the backup's manifest.`);
  }
  for (const file of manifest.secrets) {
    copyFileSync(path.join(backupDir, file), path.join(dataDir, file));
    chmodSync(path.join(dataDir, file), 0o600);
  }
  return manifest;
}
