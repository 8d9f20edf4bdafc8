import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A 32-byte secret kept in a file of the data directory (0600, in a 0700 directory), generated on
 * first use, so no two installations share a key and none is ever written in the code. Two
 * processes of the hub starting at once agree on the first one written.
 *
 * The file appears whole or not at all: the secret is written to a file of this process's own and
 * then hard-linked under the name, which fails if another process linked first. Creating the file
 * itself with `wx` and writing into it left a moment where it existed empty, and a subgraph of
 * `npm start` starting in that moment read an empty key and stopped (seen once on a loaded machine).
 */
export function readOrCreateSecretFile(dataDir: string, name: string): Uint8Array {
  const file = path.join(dataDir, name);
  try {
    return readSecret(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  const own = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(own, secret.toString('base64url'), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(own, file);
    return secret;
  } catch (error) {
    // Another process of the hub created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readSecret(file);
    throw error;
  } finally {
    unlinkSync(own);
  }
}

function readSecret(file: string): Uint8Array {
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  if (secret.length === 0) throw new Error(`${file} is empty: delete it and the hub generates a new one (tokens signed with the old one stop working)`);
  return secret;
}
