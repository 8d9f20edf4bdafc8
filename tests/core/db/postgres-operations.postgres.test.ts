import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTarget, openDatabase } from '../../../core/db/database.js';
import { loadConfig } from '../../../core/config.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';

const governance = SUBGRAPHS.governance;

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL operations: migrations from several replicas, pool size, statement timeout', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: true });
  });
  afterAll(async () => env?.cleanup());

  it('applies each migration once when several replicas start together on an empty database', async () => {
    const target = env.target('governance');
    // Five replicas of one subgraph starting at the same moment (a Deployment scaled to 5, a Job beside it).
    const started = await Promise.allSettled(Array.from({ length: 5 }, () => openDatabase(governance.database, target)));
    try {
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok'))).toEqual(Array(5).fill('ok'));
    } finally {
      for (const s of started) if (s.status === 'fulfilled') await s.value.close(true);
    }
    const client = new pg.Client({ connectionString: (target as { url: string }).url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; n: string }>('select name, count(*) as n from governance.mikro_orm_migrations group by name');
      expect(rows.length).toBe((await governance.database.load()).migrations.postgresql.length);
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    } finally {
      await client.end();
    }
  });

  it('takes its pool size and statement timeout from the configuration', async () => {
    const config = loadConfig({ HUB_DATA_DIR: env.dataDir, DATABASE_URL: env.config.DATABASE_URL, DATABASE_POOL_MAX: '2', DATABASE_STATEMENT_TIMEOUT_MS: '300' });
    const target = databaseTarget(config, 'governance');
    expect(target).toMatchObject({ kind: 'postgresql', pool: { min: 0, max: 2, statementTimeoutMs: 300 } });
    const orm = await openDatabase(governance.database, target);
    try {
      const connection = orm.em.getConnection();
      expect(await connection.execute('show statement_timeout')).toEqual([{ statement_timeout: '300ms' }]);
      // A statement that runs longer is cancelled by the server, not left holding a connection.
      await expect(connection.execute('select pg_sleep(3)')).rejects.toThrow(/statement timeout/);
      // Six statements at once share at most two connections of this process.
      const busy = Array.from({ length: 6 }, () => connection.execute('select pg_sleep(0.1)'));
      const counts = connection.execute<{ n: string }[]>(
        "select count(*) as n from pg_stat_activity where datname = current_database() and application_name = 'commune-hub:governance'",
      );
      await Promise.all(busy);
      expect(Number((await counts)[0]!.n)).toBeLessThanOrEqual(2);
    } finally {
      await orm.close(true);
    }
  });

  it('gives the bulk commands (imports) their own statement timeout, so a long COPY is not cancelled at the serving bound', async () => {
    const config = loadConfig({ HUB_DATA_DIR: env.dataDir, DATABASE_URL: env.config.DATABASE_URL, DATABASE_STATEMENT_TIMEOUT_MS: '300', DATABASE_BULK_STATEMENT_TIMEOUT_MS: '5000' });
    expect(loadConfig({}).DATABASE_BULK_STATEMENT_TIMEOUT_MS).toBe(3_600_000);
    const orm = await openDatabase(governance.database, databaseTarget(config, 'governance', { bulk: true }));
    try {
      const connection = orm.em.getConnection();
      expect(await connection.execute('show statement_timeout')).toEqual([{ statement_timeout: '5s' }]);
      await expect(connection.execute('select pg_sleep(0.6) as slept')).resolves.toHaveLength(1);
    } finally {
      await orm.close(true);
    }
  });

  it('refuses a pool whose minimum is above its maximum, naming both variables', () => {
    expect(() => loadConfig({ DATABASE_POOL_MIN: '5', DATABASE_POOL_MAX: '2' })).toThrow(/DATABASE_POOL_MIN.*DATABASE_POOL_MAX/);
  });
});
