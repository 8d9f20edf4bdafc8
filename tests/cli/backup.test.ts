import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseRows, type BackupManifest } from '../../core/db/sqlite-backup.js';
import { SUBGRAPH_NAMES } from '../../subgraphs/registry.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { bearer, postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';
import { producerToken } from '../subgraphs/commerce/support/commerce-harness.js';

const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');
const PRODUCER = 'pilot-voso-02';
const run = promisify(execFile);

/** Runs `hub <args>` from the build as an operator would; resolves with its exit code and output. */
async function hub(args: string[], dataDir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('node', ['dist/cli/hub.js', ...args], { env: { ...process.env, HUB_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const createProduct = (url: string, token: Record<string, string>, name: string) =>
  postGraphQL(
    url,
    `mutation ($name: String!) { createProduct(input: { producerId: "${PRODUCER}", name: $name, category: "vegetables", unit: "kg", netWeightGrams: 500, priceVnd: 35000, stock: 20 }) { product { id } } }`,
    { name },
    token,
  );

describe('hub backup / hub restore (embedded SQLite)', () => {
  let source: TestEnvironment;
  let restored: TestEnvironment;
  let live: TestHub;
  let work: string;
  let token: Record<string, string>;

  beforeAll(async () => {
    source = await createTestEnvironment();
    restored = await createTestEnvironment();
    live = await startHub({ env: source });
    token = bearer(await producerToken(source.config, [PRODUCER]));
    work = mkdtempSync(path.join(tmpdir(), 'hub-backup-'));
  });
  afterAll(async () => {
    await live?.close();
    await source?.cleanup();
    await restored?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('a backup taken under write load restores to the same answers and the same counts', async () => {
    const variables = { code: '05068', on: '2021-06-01' };
    const expected = await postGraphQL(live.url, SAMPLE, variables);
    expect(expected.errors).toBeUndefined();

    // Write load on the commerce database for as long as the backup runs.
    let writing = true;
    let written = 0;
    const writers = Array.from({ length: 2 }, async (_, w) => {
      while (writing) {
        const created = await createProduct(live.subgraphs.commerce!.url, token, `Gạo nếp ${w}-${written}`);
        expect(created.errors).toBeUndefined();
        written += 1;
      }
    });
    await expect.poll(() => written, { timeout: 60_000 }).toBeGreaterThan(5);
    const productsBefore = databaseRows(path.join(source.dataDir, 'commerce.sqlite')).product!;
    const writtenBefore = written;
    const backup = await hub(['backup', path.join(work, 'b1')], source.dataDir);
    const writtenDuring = written - writtenBefore;
    writing = false;
    await Promise.all(writers);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/commerce: \d+ rows/);
    expect(writtenDuring).toBeGreaterThan(0);
    const productsAfter = databaseRows(path.join(source.dataDir, 'commerce.sqlite')).product!;

    const manifest = JSON.parse(readFileSync(path.join(work, 'b1', 'backup.json'), 'utf8')) as BackupManifest;
    expect(manifest.databases.map((d) => d.name)).toEqual([...SUBGRAPH_NAMES]);
    expect(manifest.secrets).toEqual(['auth-secret.key', 'gateway-signing.key']);
    // The copy is the database of one moment during the load: between before and after.
    const commerce = manifest.databases.find((d) => d.name === 'commerce')!;
    expect(commerce.rows.product).toBeGreaterThanOrEqual(productsBefore);
    expect(commerce.rows.product).toBeLessThanOrEqual(productsAfter);
    // The databases nobody wrote to meanwhile are copied row for row.
    for (const db of manifest.databases.filter((d) => d.name !== 'commerce')) expect(db.rows, db.name).toEqual(databaseRows(path.join(source.dataDir, db.file)));

    const restore = await hub(['restore', path.join(work, 'b1')], restored.dataDir);
    expect(restore.code, restore.out).toBe(0);
    for (const db of manifest.databases) expect(databaseRows(path.join(restored.dataDir, db.file)), db.name).toEqual(db.rows);

    const again = await startHub({ env: restored, seed: false });
    try {
      expect(await postGraphQL(again.url, SAMPLE, variables)).toEqual(expected);
      expect(await postGraphQL(again.url, SAMPLE, { code: '05068' })).toEqual(await postGraphQL(live.url, SAMPLE, { code: '05068' }));
      // The token secret came back too: a token of the original hub is accepted by the restored one.
      const created = await createProduct(again.subgraphs.commerce!.url, token, 'Mật ong bạc hà');
      expect(created.errors).toBeUndefined();
    } finally {
      await again.close();
    }
  });

  it('refuses to write into a directory that is not empty, and leaves it alone', async () => {
    const target = path.join(work, 'occupied');
    mkdirSync(target);
    writeFileSync(path.join(target, 'notes.txt'), 'mine');
    const result = await hub(['backup', target], source.dataDir);
    expect(result.code).toBe(1);
    expect(result.out).toContain('exists and is not empty');
    expect(readFileSync(path.join(target, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a damaged backup and replaces nothing; replaces data only with --force', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-restore-'));
    try {
      const good = path.join(work, 'b2');
      expect((await hub(['backup', good], source.dataDir)).code).toBe(0);
      expect((await hub(['restore', good], dataDir)).code).toBe(0);
      const countsBefore = databaseRows(path.join(dataDir, 'governance.sqlite'));

      const refused = await hub(['restore', good], dataDir);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('--force');

      const damaged = path.join(work, 'damaged');
      await run('cp', ['-r', good, damaged]);
      const file = path.join(damaged, 'governance.sqlite');
      const bytes = readFileSync(file);
      bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
      writeFileSync(file, bytes);
      const rejected = await hub(['restore', damaged, '--force'], dataDir);
      expect(rejected.code).toBe(1);
      expect(rejected.out).toContain('does not match its checksum');
      expect(databaseRows(path.join(dataDir, 'governance.sqlite'))).toEqual(countsBefore);

      expect((await hub(['restore', good, '--force'], dataDir)).code).toBe(0);
      expect(existsSync(path.join(dataDir, 'auth-secret.key'))).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
