import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/db/database.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';

@Entity({ tableName: 'stamped' })
class Stamped {
  @PrimaryKey({ type: 'string' })
  id!: string;

  @Property({ type: 'datetime' })
  seenAt!: Date;
}

/**
 * A loaded entity that nobody changed must not be written back on flush: otherwise its stale
 * datetimes overwrite what another request or process wrote in the meantime.
 */
describe.each([
  ['sqlite', false],
  ['postgresql', true],
] as const)('flushing unchanged datetimes on %s', (_dialect, postgres) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    if (!postgres || TEST_DATABASE_URL) env = await createTestEnvironment({ postgres });
  });
  afterAll(async () => env?.cleanup());

  it.skipIf(postgres && !TEST_DATABASE_URL)('writes nothing, so a concurrent update survives', async () => {
    const definition = { name: 'flushcheck', entities: [Stamped], migrations: { sqlite: [], postgresql: [] } };
    const orm = await openDatabase(definition, env.target('flushcheck'));
    try {
      await orm.getSchemaGenerator().createSchema();
      await orm.em.fork().insert(Stamped, { id: 'a', seenAt: new Date('2026-01-01T00:00:00Z') });
      const reader = orm.em.fork();
      const loaded = await reader.findOneOrFail(Stamped, 'a');
      expect(loaded.seenAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
      await orm.em.fork().nativeUpdate(Stamped, 'a', { seenAt: new Date('2026-06-01T00:00:00Z') });
      reader.getUnitOfWork().computeChangeSets();
      expect(reader.getUnitOfWork().getChangeSets()).toEqual([]);
      await reader.flush();
      expect((await orm.em.fork().findOneOrFail(Stamped, 'a')).seenAt.toISOString()).toBe('2026-06-01T00:00:00.000Z');
    } finally {
      await orm.close(true);
    }
  });
});
