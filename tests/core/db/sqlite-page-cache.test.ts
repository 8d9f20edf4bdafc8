import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/db/database.js';
import { rawRows } from '../../../core/db/prepared-statements.js';
import { withSqlitePageCache } from '../../../core/db/sqlite-page-cache.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';

describe('a bulk job\'s SQLite page cache', () => {
  let env: TestEnvironment;
  let orm: MikroORM;
  const cacheSize = async () => Number((await rawRows<{ cache_size: number }>(orm.em.fork(), 'pragma cache_size'))[0].cache_size);

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: false });
    const governance = SUBGRAPHS.governance;
    orm = await openDatabase(governance.database, env.target('governance'));
  });
  afterAll(async () => {
    await orm?.close(true);
    await env?.cleanup();
  });

  it('is the bounded size while the job runs and the connection\'s own size again after it, also when the job fails', async () => {
    const own = await cacheSize();
    expect(own).not.toBe(-2000);
    expect(await withSqlitePageCache(orm.em.fork(), 2000, async () => cacheSize())).toBe(-2000);
    expect(await cacheSize()).toBe(own);
    await expect(
      withSqlitePageCache(orm.em.fork(), 2000, async () => {
        throw new Error('the job failed');
      }),
    ).rejects.toThrow('the job failed');
    expect(await cacheSize()).toBe(own);
  });

  it('refuses a size that is not a positive whole number of KiB (it is written into the pragma)', async () => {
    await expect(withSqlitePageCache(orm.em.fork(), 1.5, async () => 1)).rejects.toThrow(/bad cache size/);
    await expect(withSqlitePageCache(orm.em.fork(), -1, async () => 1)).rejects.toThrow(/bad cache size/);
  });
});
