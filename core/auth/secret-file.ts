import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A 32-byte secret kept in a file of the data directory (0600, in a 0700 directory), generated on
 * first use, so no two installations share a key and none is ever written in the code. Two
 * processes of the hub starting at once agree on the first one written.
 */
export function readOrCreateSecretFile(dataDir: string, name: string): Uint8Array {
  const file = path.join(dataDir, name);
  const read = () => Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  try {
    writeFileSync(file, secret.toString('base64url'), { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process of the hub created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return read();
    throw error;
  }
}
