import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOut } from '../../../core/db/copy-out.js';
import { openDatabase } from '../../../core/db/database.js';
import { rawRows } from '../../../core/db/prepared-statements.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';

interface Pool {
  numUsed(): number;
  numFree(): number;
}

describe.skipIf(!TEST_DATABASE_URL)('copyOut: COPY … TO STDOUT on the ORM connection', () => {
  let env: TestEnvironment;
  let orm: MikroORM;
  let pool: Pool;
  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: true });
    orm = await openDatabase(SUBGRAPHS.governance.database, env.target('governance'));
    pool = (orm.em.getConnection() as unknown as { getKnex(): { client: { pool: Pool } } }).getKnex().client.pool;
  });
  // Bounded: a connection left inside a COPY would hold the close forever.
  afterAll(async () => {
    await orm?.close(true);
    await env?.cleanup();
  }, 60_000);

  const rows = 'copy (select g, repeat(\'x\', 100) from generate_series(1, 200000) g) to stdout';

  it('hands over the whole output and gives the connection back', async () => {
    const chunks: Buffer[] = [];
    await copyOut(orm.em.fork(), rows, (chunk) => chunks.push(chunk));
    const text = Buffer.concat(chunks).toString();
    expect(text.split('\n').length).toBe(200_001);
    expect(text.endsWith(`200000\t${'x'.repeat(100)}\n`)).toBe(true);
    expect(pool.numUsed()).toBe(0);
  });

  it('reports a server error as MikroORM converts it and keeps the connection usable', async () => {
    await expect(copyOut(orm.em.fork(), 'copy (select 1 / (g - 3) from generate_series(1, 5) g) to stdout', () => undefined)).rejects.toThrow(/division by zero/);
    expect(pool.numUsed()).toBe(0);
    expect(await rawRows(orm.em.fork(), 'select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('closes a connection left inside the COPY when the reader fails, so that the pool never lends it again', async () => {
    // The COPY's rows start with its connection's process id.
    let pid = 0;
    let seen = 0;
    await expect(
      copyOut(orm.em.fork(), "copy (select pg_backend_pid(), g, repeat('x', 100) from generate_series(1, 200000) g) to stdout", (chunk) => {
        pid ||= Number(chunk.toString('latin1', 0, chunk.indexOf(9)));
        if (++seen === 2) throw new Error('reader failed');
      }),
    ).rejects.toThrow('reader failed');
    expect(pool.numUsed()).toBe(0);
    // The next statements run, on another connection.
    const after = await Promise.all(Array.from({ length: 3 }, () => rawRows<{ pid: number }>(orm.em.fork(), 'select pg_backend_pid() as pid')));
    expect(pid).toBeGreaterThan(0);
    expect(after.map((r) => r[0]!.pid)).not.toContain(pid);
    // Closed on the server too.
    expect(await rawRows(orm.em.fork(), 'select count(*)::int as n from pg_stat_activity where pid = ?', [pid])).toEqual([{ n: 0 }]);
    const chunks: Buffer[] = [];
    await copyOut(orm.em.fork(), rows, (chunk) => chunks.push(chunk));
    expect(Buffer.concat(chunks).toString().split('\n').length).toBe(200_001);
    // A connection lent again inside the COPY makes the next statement wait forever: fail instead.
  }, 60_000);
});
