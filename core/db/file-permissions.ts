import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files of the data directory only their owner may read: the SQLite databases (with WAL and shared memory) and the generated keys. */
const PRIVATE_FILE = /\.(sqlite|sqlite-wal|sqlite-shm|sqlite-journal|key)$/;

export interface PermissionFix {
  path: string;
  /** Octal modes, e.g. "755" → "700". */
  was: string;
  now: string;
}

const octal = (mode: number) => (mode & 0o777).toString(8);

function tighten(file: string, allowed: number): PermissionFix | null {
  const mode = statSync(file).mode & 0o777;
  if ((mode & ~allowed) === 0) return null;
  chmodSync(file, mode & allowed);
  return { path: file, was: octal(mode), now: octal(mode & allowed) };
}

/**
 * `work`'s answer, or null when its file vanished after the directory was listed: the subgraph
 * processes start at once, and a sibling's SQLite rollback journal (`-journal`) lives only for one
 * transaction. A start stopped on that ENOENT once in a full suite.
 */
function unlessVanished<T>(work: () => T): T | null {
  try {
    return work();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The data directory holds health records and credential hashes: the directory is 0700 and its
 * databases and keys 0600, whatever the umask made them. Checked at every start; what was looser
 * is fixed and returned, so that the caller warns the operator.
 */
export function secureDataDirectory(dataDir: string): PermissionFix[] {
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return [];
  }
  const fixes = [tighten(dataDir, 0o700)];
  for (const name of readdirSync(dataDir)) {
    const file = path.join(dataDir, name);
    if (PRIVATE_FILE.test(name)) fixes.push(unlessVanished(() => (statSync(file).isFile() ? tighten(file, 0o600) : null)));
  }
  return fixes.filter((fix): fix is PermissionFix => fix !== null);
}

/** A SQLite database just opened (created with the process's umask) and its WAL files: owner only. */
export function secureDatabaseFiles(file: string): void {
  for (const candidate of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(candidate)) tighten(candidate, 0o600);
}
