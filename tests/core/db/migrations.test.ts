import { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormOptions, openDatabase } from '../../../core/db/database.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';
import { schemaDrift } from '../../helpers/schema-drift.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';

const modules = Object.values(SUBGRAPHS).filter((m) => m !== undefined);

/**
 * Schema changes ship as checked-in migrations. After applying them, the entities must need no
 * further change, on both dialects: otherwise someone changed an entity without `migration:create`.
 */
describe.each([
  ['sqlite', false],
  ['postgresql', true],
] as const)('migrations on %s', (_dialect, postgres) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    if (postgres && !TEST_DATABASE_URL) return;
    env = await createTestEnvironment({ postgres });
  });
  afterAll(async () => env?.cleanup());

  it.skipIf(postgres && !TEST_DATABASE_URL).each(modules.map((m) => [m.name, m] as const))(
    '%s: migrations create exactly what the entities describe, and seeding twice changes nothing',
    async (name, module) => {
      const target = env.target(name);
      const orm = await openDatabase(module.database, target);
      try {
        expect(await schemaDrift(orm)).toEqual([]);
        if (module.seedPilot) {
          await module.seedPilot(orm.em.fork(), env.config);
          await module.seedPilot(orm.em.fork(), env.config);
        }
      } finally {
        await orm.close(true);
      }
      // A second start applies nothing new.
      const again = await MikroORM.init(ormOptions(await module.database.load(), target));
      try {
        expect(await again.getMigrator().getPendingMigrations()).toEqual([]);
      } finally {
        await again.close(true);
      }
    },
  );
});
