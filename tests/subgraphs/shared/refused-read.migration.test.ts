import { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormOptions } from '../../../core/db/database.js';
import { isPostgres, rawTableName } from '../../../core/db/raw-sql.js';
import { RefusedRead } from '../../../subgraphs/shared/refused-read.entity.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';

const NAMES = ['society', 'devices', 'governance', 'commerce'] as const;

/**
 * The migration that makes (request id, field) the log's key merges the rows a request's second call
 * of the subgraph wrote apart before it: the earliest row stays, with the summed count.
 */
describe.each([
  ['sqlite', false],
  ['postgresql', true],
] as const)('the refused-read request key migration on %s', (dialect, postgres) => {
  const skip = postgres && !TEST_DATABASE_URL;
  let env: TestEnvironment;
  beforeAll(async () => {
    if (skip) return;
    env = await createTestEnvironment({ postgres });
  });
  afterAll(async () => env?.cleanup());

  it.skipIf(skip).each(NAMES)('%s: duplicate rows of a request and field become one, counts summed, then the key holds', async (name) => {
    const definition = await SUBGRAPHS[name].database.load();
    const list = definition.migrations[dialect];
    const index = list.findIndex((m) => m.name.endsWith('_refused_read_request_key'));
    expect(index).toBeGreaterThan(0);
    const orm = await MikroORM.init(ormOptions(definition, env.target(name)));
    try {
      await orm.getMigrator().up({ to: list[index - 1]!.name });
      const table = rawTableName(orm.em, 'refused_read');
      const at = (ms: number) => (isPostgres(orm.em) ? new Date(ms) : ms);
      const rows: [string, number, string, string, number, string | null, string][] = [
        // Request r1: Camera.streamUrl written by two calls (the later first in the table), and another field once.
        ['b', 2_000, 'Camera.streamUrl', 'camera-2', 4, '04960/1', 'r1'],
        ['a', 1_000, 'Camera.streamUrl', 'camera-1', 3, '05068/2', 'r1'],
        ['c', 1_500, 'Query.healthRecord', 'record-1', 1, null, 'r1'],
        // Request r2: three calls, two at the same instant (the smaller id is the first).
        ['e', 5_000, 'Camera.streamUrl', 'camera-5', 1, null, 'r2'],
        ['d', 5_000, 'Camera.streamUrl', 'camera-4', 2, null, 'r2'],
        ['f', 6_000, 'Camera.streamUrl', 'camera-6', 10, null, 'r2'],
      ];
      for (const [id, ms, field, target, count, communeId, requestId] of rows) {
        await orm.em.getConnection().execute(`insert into ${table} (id, at, roles, field, target, count, commune_id, request_id) values (?, ?, '', ?, ?, ?, ?, ?)`, [id, at(ms), field, target, count, communeId, requestId]);
      }
      await orm.getMigrator().up();
      const kept = await orm.em.fork().find(RefusedRead, {}, { orderBy: { id: 'asc' } });
      expect(kept.map((r) => ({ id: r.id, target: r.target, count: r.count, communeId: r.communeId ?? null, at: r.at.getTime() }))).toEqual([
        { id: 'a', target: 'camera-1', count: 7, communeId: '05068/2', at: 1_000 },
        { id: 'c', target: 'record-1', count: 1, communeId: null, at: 1_500 },
        { id: 'd', target: 'camera-4', count: 13, communeId: null, at: 5_000 },
      ]);
      // The key now refuses a second row of a request and field.
      await expect(orm.em.getConnection().execute(`insert into ${table} (id, at, roles, field, target, count, request_id) values ('g', ?, '', 'Camera.streamUrl', 'camera-7', 1, 'r1')`, [at(7_000)])).rejects.toThrow(/unique/i);
    } finally {
      await orm.close(true);
    }
  });
});
