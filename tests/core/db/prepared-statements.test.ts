import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../core/config.js';
import { databaseTarget, openDatabase, type DatabaseTarget } from '../../../core/db/database.js';
import { preparedOnConnection, rawArrays, rawRows, STATEMENTS_PER_CONNECTION, toNumberedPlaceholders } from '../../../core/db/prepared-statements.js';
import { rawTableName } from '../../../core/db/raw-sql.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';

const governance = SUBGRAPHS.governance;

interface KnexHandle {
  client: { acquireConnection(): Promise<object>; releaseConnection(connection: object): Promise<void> };
  on(event: string, listener: (query: { sql: string }) => void): void;
  off(event: string, listener: (query: { sql: string }) => void): void;
}
const knexOf = (orm: MikroORM) => (orm.em.getConnection() as unknown as { getKnex(): KnexHandle }).getKnex();

describe('toNumberedPlaceholders', () => {
  it('numbers the placeholders outside quoted text and identifiers', () => {
    expect(toNumberedPlaceholders(`select ? as a, '?' as "b?" from t where x in (?, ?)`)).toBe(`select $1 as a, '?' as "b?" from t where x in ($2, $3)`);
    expect(() => toNumberedPlaceholders('select ?? from t')).toThrow(/identifier bindings/);
  });
});

for (const dialect of ['sqlite', 'postgresql'] as const) {
  describe.skipIf(dialect === 'postgresql' && !TEST_DATABASE_URL)(`rawRows on ${dialect}`, () => {
    let env: TestEnvironment;
    let orm: MikroORM;
    let version: string;

    beforeAll(async () => {
      env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
      const target: DatabaseTarget = env.target('governance');
      // One pooled connection on PostgreSQL, so what it has prepared can be read back on it.
      orm = await openDatabase(governance.database, target.kind === 'postgresql' ? { ...target, pool: { min: 0, max: 1, statementTimeoutMs: 0 } } : target);
      version = rawTableName(orm.em, 'unit_registry_version');
    });
    afterAll(async () => {
      await orm?.close(true);
      await env?.cleanup();
    });

    it('answers with the rows, parameters bound in order', async () => {
      const em = orm.em.fork();
      await rawRows(em, `insert into ${version} (id, version) values (?, ?), (?, ?)`, [101, 7, 102, 8]);
      expect(await rawRows(em, `select id, version from ${version} where id in (?, ?) order by id`, [101, 102])).toEqual([
        { id: 101, version: 7 },
        { id: 102, version: 8 },
      ]);
      expect(await rawRows(em, `select id from ${version} where id = ?`, [999])).toEqual([]);
    });

    it('reuses one prepared statement per text and keeps a bounded number per connection', async () => {
      const em = orm.em.fork();
      const knex = knexOf(orm);
      const connection = await knex.client.acquireConnection();
      await knex.client.releaseConnection(connection);
      const text = (n: number) => `select ${n} as n, ? as p`;
      if (dialect === 'sqlite') {
        const prepare = vi.spyOn(connection as { prepare(sql: string): unknown }, 'prepare');
        try {
          for (const p of [1, 2, 3]) expect(await rawRows(em, text(0), [p])).toEqual([{ n: 0, p }]);
          expect(prepare.mock.calls.filter(([sql]) => sql === text(0))).toHaveLength(1);
          for (let n = 1; n <= STATEMENTS_PER_CONNECTION + 10; n++) await rawRows(em, text(n), [n]);
          expect(preparedOnConnection(connection)).toBe(STATEMENTS_PER_CONNECTION);
          // The least recently used went first: text(0) is prepared again, the newest is not.
          await rawRows(em, text(0), [4]);
          await rawRows(em, text(STATEMENTS_PER_CONNECTION + 10), [4]);
          expect(prepare.mock.calls.filter(([sql]) => sql === text(0))).toHaveLength(2);
          expect(prepare.mock.calls.filter(([sql]) => sql === text(STATEMENTS_PER_CONNECTION + 10))).toHaveLength(1);
        } finally {
          prepare.mockRestore();
        }
      } else {
        for (const p of [1, 2, 3]) expect(await rawRows(em, 'select 0 as n, ?::int as p', [p])).toEqual([{ n: 0, p }]);
        // Prepared once on the one connection, under a name, with numbered placeholders.
        const prepared = await rawRows<{ name: string; statement: string }>(em, 'select name, statement from pg_prepared_statements where statement = ?', ['select 0 as n, $1::int as p']);
        expect(prepared).toEqual([{ name: expect.stringMatching(/^hub_\d+$/), statement: 'select 0 as n, $1::int as p' }]);
      }
    });

    it('runs in the transaction of the entity manager, and its errors are converted as MikroORM converts them', async () => {
      await expect(
        orm.em.fork().transactional(async (tx) => {
          await rawRows(tx, `insert into ${version} (id, version) values (?, ?)`, [201, 1]);
          expect(await rawRows(tx, `select version from ${version} where id = ?`, [201])).toEqual([{ version: 1 }]);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      const em = orm.em.fork();
      expect(await rawRows(em, `select version from ${version} where id = ?`, [201])).toEqual([]);
      await rawRows(em, `insert into ${version} (id, version) values (?, ?)`, [202, 1]);
      await expect(rawRows(em, `insert into ${version} (id, version) values (?, ?)`, [202, 2])).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    });

    it('announces each statement with knex query events (metrics, statement counts)', async () => {
      const knex = knexOf(orm);
      const seen: string[] = [];
      const listener = (query: { sql: string }) => void seen.push(query.sql);
      knex.on('query', listener);
      try {
        await rawRows(orm.em.fork(), `select version from ${version} where id = ?`, [1]);
      } finally {
        knex.off('query', listener);
      }
      expect(seen).toEqual([`select version from ${version} where id = ?`]);
    });

    it('rawArrays answers the rows of rawRows as arrays in select-list order, in the transaction, announced as rawRows is', async () => {
      const knex = knexOf(orm);
      const select = `select version, id from ${version} where id in (?, ?) order by id`;
      const seen: string[] = [];
      const listener = (query: { sql: string }) => void seen.push(query.sql);
      await expect(
        orm.em.fork().transactional(async (tx) => {
          await rawRows(tx, `insert into ${version} (id, version) values (?, ?), (?, ?)`, [401, 5, 402, 6]);
          knex.on('query', listener);
          try {
            // Rows not yet committed: read on the transaction's connection (SQLite's only one would wait otherwise).
            expect(await rawArrays(tx, select, [401, 402])).toEqual([
              [5, 401],
              [6, 402],
            ]);
          } finally {
            knex.off('query', listener);
          }
          // The same text, prepared once on SQLite, answers objects again.
          expect(await rawRows(tx, select, [401, 402])).toEqual([
            { version: 5, id: 401 },
            { version: 6, id: 402 },
          ]);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(seen).toEqual([select]);
      expect(await rawArrays(orm.em.fork(), select, [401, 402])).toEqual([]);
      expect(await rawArrays(orm.em.fork(), `delete from ${version} where id = ?`, [401])).toEqual([]);
    });
  });
}

describe.skipIf(!TEST_DATABASE_URL)('rawRows on postgresql with DATABASE_PREPARED_STATEMENTS', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: true });
  });
  afterAll(async () => env?.cleanup());

  interface PgConnection {
    query(config: string | { name?: string; text: string }): Promise<{ rows: { name: string; statement: string }[] }>;
  }

  /**
   * Opens governance as the configuration says (one pooled connection, so the reads and the look-up
   * of what the session has prepared share it), runs the same reads, and reports the rows, the
   * statement names node-postgres was given and the session's named statements afterwards.
   */
  async function readWith(settings: Record<string, string>) {
    const target = databaseTarget(loadConfig({ HUB_DATA_DIR: env.dataDir, DATABASE_URL: env.config.DATABASE_URL!, DATABASE_POOL_MAX: '1', ...settings }), 'governance');
    const orm = await openDatabase(governance.database, target);
    try {
      const version = rawTableName(orm.em, 'unit_registry_version');
      const knex = knexOf(orm);
      const connection = (await knex.client.acquireConnection()) as PgConnection;
      await knex.client.releaseConnection(connection);
      const query = vi.spyOn(connection, 'query');
      const rows: unknown[] = [];
      let names: (string | undefined)[];
      try {
        await rawRows(orm.em.fork(), `delete from ${version} where id in (?, ?)`, [301, 302]);
        await rawRows(orm.em.fork(), `insert into ${version} (id, version) values (?, ?), (?, ?)`, [301, 3, 302, 4]);
        for (const id of [301, 302, 303]) rows.push(await rawRows(orm.em.fork(), `select id, version from ${version} where id = ?`, [id]));
        rows.push(await orm.em.fork().transactional((tx) => rawRows(tx, `select count(*)::int as n from ${version} where id >= ?`, [301])));
        names = query.mock.calls.map(([config]) => (typeof config === 'object' ? config.name : undefined)).filter(Boolean);
      } finally {
        query.mockRestore();
      }
      const prepared = (await connection.query("select name, statement from pg_prepared_statements where name like 'hub\\_%'")).rows;
      return { target, rows, names, prepared };
    } finally {
      await orm.close(true);
    }
  }

  it('names the raw statements by default, parsed once on the connection', async () => {
    const { target, rows, names, prepared } = await readWith({});
    expect(target).toMatchObject({ kind: 'postgresql', preparedStatements: true });
    expect(rows).toEqual([[{ id: 301, version: 3 }], [{ id: 302, version: 4 }], [], [{ n: 2 }]]);
    expect(names).toHaveLength(6);
    expect(names.every((name) => /^hub_\d+$/.test(name!))).toBe(true);
    // The three reads of one text share one name: four texts, four statements on the session.
    expect(new Set(names).size).toBe(4);
    expect(prepared.map((p) => p.statement)).toContain(`select id, version from "governance"."unit_registry_version" where id = $1`);
  });

  it('off: sends no named statement, nothing is prepared on the session, and the rows are the same', async () => {
    const { target, rows, names, prepared } = await readWith({ DATABASE_PREPARED_STATEMENTS: 'off' });
    expect(target).toMatchObject({ kind: 'postgresql', preparedStatements: false });
    expect(rows).toEqual([[{ id: 301, version: 3 }], [{ id: 302, version: 4 }], [], [{ n: 2 }]]);
    expect(names).toEqual([]);
    expect(prepared).toEqual([]);
  });
});
