import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../../core/text.js';
import { openDatabase } from '../../../../core/db/database.js';
import { Producer, ProducerKind } from '../../../../subgraphs/commerce/catalogue/producer.entity.js';
import { findProducers } from '../../../../subgraphs/commerce/catalogue/product.query.js';
import { commerce } from '../../../../subgraphs/commerce/index.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';

/** Names that sort and fold awkwardly: marks, case, equal folded names (ties broken by id). */
const NAMES = ['Hợp tác xã Chè', 'HTX chè', 'hop tac xa che', 'Hộ Bùi Văn An', 'Ho Bui Van An', 'Đinh Thị Lan', 'dinh thi lan', 'Zô', 'A', 'Ấp'];

describe('commerce: keyset pagination of producers (property, SQLite)', () => {
  let env: TestEnvironment;
  let orm: MikroORM;
  let run = 0;

  beforeAll(async () => {
    env = await createTestEnvironment();
    orm = await openDatabase(commerce.database, { kind: 'sqlite', file: path.join(env.dataDir, 'commerce.sqlite') });
  });
  afterAll(async () => {
    await orm?.close(true);
    await env?.cleanup();
  });

  it('returns every producer exactly once, in (folded name, id) order, whatever the page size', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...NAMES), { minLength: 0, maxLength: 25 }), fc.integer({ min: 1, max: 7 }), async (names, first) => {
        // Each run in a commune of its own, so runs never see each other's rows.
        const communeId = `9${String(++run).padStart(4, '0')}/1`;
        const em = orm.em.fork();
        names.forEach((name, i) =>
          em.persist(em.create(Producer, { id: `${communeId}-${String(names.length - i).padStart(3, '0')}`, kind: ProducerKind.HOUSEHOLD, name, nameSearch: foldForSearch(name), communeId, marketplaces: [], createdAt: new Date() })),
        );
        await em.flush();
        const seen: string[] = [];
        let after: string | undefined;
        for (let pages = 0; pages <= names.length + 1; pages++) {
          const page = await findProducers(orm.em.fork(), { communeIds: [communeId] }, { first, after });
          expect(page.totalCount).toBe(names.length);
          expect(page.edges.length).toBeLessThanOrEqual(first);
          seen.push(...page.edges.map((e) => e.node.id));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor!;
        }
        const expected = (await orm.em.fork().find(Producer, { communeId })).sort((a, b) => (a.nameSearch === b.nameSearch ? (a.id < b.id ? -1 : 1) : a.nameSearch < b.nameSearch ? -1 : 1));
        expect(seen).toEqual(expected.map((p) => p.id));
      }),
      { numRuns: 40 },
    );
  });
});
