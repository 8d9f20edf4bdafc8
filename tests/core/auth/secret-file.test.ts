import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrCreateSecretFile } from '../../../core/auth/secret-file.js';

/** The built module (the tests' global setup builds dist/): what `npm start`'s processes run. */
const built = fileURLToPath(new URL('../../../dist/core/auth/secret-file.js', import.meta.url));

/** One process that waits for the moment `at`, then reads or creates the secret and prints it. */
function creator(dir: string, at: number): Promise<string> {
  const script = `import { readOrCreateSecretFile } from ${JSON.stringify(built)};
while (Date.now() < ${at});
process.stdout.write(Buffer.from(readOrCreateSecretFile(${JSON.stringify(dir)}, 'k.key')).toString('hex'));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
  });
}

describe('a secret file of the data directory', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'hub-secret-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('processes starting at the same moment all get the one secret written, never an empty one', async () => {
    for (let round = 0; round < 4; round++) {
      const dir = path.join(root, `race-${round}`);
      // Every process loaded and waiting before the moment comes (as npm start's subgraphs start together).
      const at = Date.now() + 1500;
      const secrets = await Promise.all(Array.from({ length: 6 }, () => creator(dir, at)));
      expect(secrets[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(new Set(secrets).size).toBe(1);
      expect(readdirSync(dir)).toEqual(['k.key']);
      expect(statSync(path.join(dir, 'k.key')).mode & 0o777).toBe(0o600);
    }
  });

  it('keeps the secret across calls and refuses an empty file, saying what to do', () => {
    const dir = path.join(root, 'again');
    const first = readOrCreateSecretFile(dir, 'a.key');
    expect(Buffer.from(readOrCreateSecretFile(dir, 'a.key')).equals(Buffer.from(first))).toBe(true);
    writeFileSync(path.join(dir, 'b.key'), '\n');
    expect(() => readOrCreateSecretFile(dir, 'b.key')).toThrow(/b\.key is empty: delete it/);
  });
});
