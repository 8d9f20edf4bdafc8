import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/db/database.js';
import { databaseRows } from '../../../core/db/sqlite-backup.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';
import { SUBGRAPH_NAMES } from '../../../subgraphs/registry.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';
import { startHub } from '../../helpers/hub.js';

const FIXTURE = 'tests/fixtures/data-dir-192c9c2';
const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');

/** A data directory made by an older hub (see the fixture's README) upgrades with every record intact. */
describe('upgrade: the data directory of main 192c9c2 migrates to this version', () => {
  let env: TestEnvironment;
  const before: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    env = await createTestEnvironment();
    for (const file of readdirSync(FIXTURE).filter((f) => f.endsWith('.sqlite.gz'))) {
      writeFileSync(path.join(env.dataDir, file.replace(/\.gz$/, '')), gunzipSync(readFileSync(path.join(FIXTURE, file))));
    }
    for (const name of SUBGRAPH_NAMES) before[name] = databaseRows(path.join(env.dataDir, `${name}.sqlite`));
  });
  afterAll(async () => env?.cleanup());

  it('has a copy of every subgraph database, with data in it', () => {
    for (const name of SUBGRAPH_NAMES) {
      const rows = Object.entries(before[name]!).filter(([table]) => table !== 'mikro_orm_migrations');
      expect(rows.reduce((sum, [, n]) => sum + n, 0), name).toBeGreaterThan(0);
    }
  });

  it.each(SUBGRAPH_NAMES.map((n) => [n]))('%s: pending migrations apply and every table keeps every row', async (name) => {
    const module = SUBGRAPHS[name];
    const orm = await openDatabase(module.database, env.target(name));
    await orm.close(true);
    const after = databaseRows(path.join(env.dataDir, `${name}.sqlite`));
    const { mikro_orm_migrations: migrationsBefore, ...dataBefore } = before[name]!;
    const { mikro_orm_migrations: migrationsAfter, ...dataAfter } = after;
    // A table the new version adds starts empty; every table the old one had keeps its rows.
    for (const [table, count] of Object.entries(dataBefore)) expect(dataAfter[table], `${name}.${table}`).toBe(count);
    expect(migrationsAfter).toBe((await module.database.load()).migrations.sqlite.length);
    expect(migrationsAfter).toBeGreaterThanOrEqual(migrationsBefore!);
  });

  it('serves the README sample query from the upgraded data, without seeding', async () => {
    const hub = await startHub({ env, seed: false });
    try {
      const answer = await postGraphQL<{ commune: { name: string; dossierStats: { received: number }; radioClusters: unknown[] } }>(hub.url, SAMPLE, { code: '05068', on: '2021-06-01' });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.commune.name).toBe('Nam Thượng');
      expect(answer.data!.commune.radioClusters.length).toBeGreaterThan(0);
    } finally {
      await hub.close();
    }
    // Starting the hub wrote no rows of its own into the old data (no seed, no background work).
    for (const name of SUBGRAPH_NAMES) {
      const { mikro_orm_migrations: _m, ...data } = databaseRows(path.join(env.dataDir, `${name}.sqlite`));
      const { mikro_orm_migrations: _b, ...old } = before[name]!;
      for (const [table, count] of Object.entries(old)) expect(data[table], `${name}.${table}`).toBe(count);
    }
  });
});
