import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../core/db/database.js';
import { SUBGRAPHS } from '../../../../subgraphs/index.js';
import { PortalPost } from '../../../../subgraphs/governance/portal/portal-post.entity.js';
import { pagePortalPosts } from '../../../../subgraphs/governance/portal/portal-post.store.js';
import { PortalCategory, PostStatus } from '../../../../subgraphs/governance/portal/portal.rules.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';

const COMMUNE = 'test/1';
const day = (d: number) => new Date(Date.UTC(2022, 0, d, 3, 0, 0, 250));
const NOW = day(20);

/** Posts of one commune: published, scheduled, expired, a draft, one of another section; ids chosen so a publishAt tie is broken by id. */
const POSTS: Partial<PortalPost>[] = [
  { id: 'a', publishAt: day(1), status: PostStatus.APPROVED },
  { id: 'b', publishAt: day(5), status: PostStatus.APPROVED, expireAt: day(30), reviewedBy: 'chair', reviewedAt: day(4) },
  { id: 'c', publishAt: day(5), status: PostStatus.APPROVED },
  { id: 'd', publishAt: day(10), status: PostStatus.APPROVED, category: PortalCategory.PROCEDURES },
  { id: 'e', publishAt: day(25), status: PostStatus.APPROVED },
  { id: 'f', publishAt: day(2), status: PostStatus.APPROVED, expireAt: day(15) },
  { id: 'g', publishAt: day(12), status: PostStatus.DRAFT, summary: 'draft' },
];

for (const dialect of ['sqlite', 'postgresql'] as const) {
  describe.skipIf(dialect === 'postgresql' && !TEST_DATABASE_URL)(`pagePortalPosts on ${dialect}`, () => {
    let env: TestEnvironment;
    let orm: MikroORM;

    beforeAll(async () => {
      env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
      orm = await openDatabase(SUBGRAPHS.governance.database, env.target('governance'));
      const em = orm.em.fork();
      for (const post of POSTS) {
        em.create(PortalPost, {
          communeId: COMMUNE, category: PortalCategory.NEWS_ANNOUNCEMENTS, title: `post ${post.id}`, body: 'body', author: 'officer', updatedAt: day(1),
          summary: null, expireAt: null, reviewedBy: null, reviewedAt: null, rejectionReason: null, ...post,
        } as PortalPost);
      }
      await em.flush();
    });
    afterAll(async () => {
      await orm?.close(true);
      await env?.cleanup();
    });

    it('reads the published posts newest first with the whole count, as the entities hold them', async () => {
      const page = await pagePortalPosts(orm.em.fork(), { communeId: COMMUNE, publishedAt: NOW, rows: 2 });
      expect(page.totalCount).toBe(4);
      expect(page.rows.map((p) => p.id)).toEqual(['d', 'c']);
      const b = (await pagePortalPosts(orm.em.fork(), { communeId: COMMUNE, publishedAt: NOW, rows: 10 })).rows.find((p) => p.id === 'b');
      const entity = await orm.em.fork().findOneOrFail(PortalPost, { id: 'b' });
      expect(b).toEqual({ ...entity });
      expect(b?.publishAt).toEqual(day(5));
    });

    it('pages on (publishAt, id) after a cursor, counting the whole list; filters a section; every post without publishedAt', async () => {
      const next = await pagePortalPosts(orm.em.fork(), { communeId: COMMUNE, publishedAt: NOW, after: [day(5).getTime(), 'c'], rows: 10 });
      expect(next).toEqual({ totalCount: 4, rows: [expect.objectContaining({ id: 'b' }), expect.objectContaining({ id: 'a' })] });
      expect((await pagePortalPosts(orm.em.fork(), { communeId: COMMUNE, category: PortalCategory.PROCEDURES, publishedAt: NOW, rows: 10 })).rows.map((p) => p.id)).toEqual(['d']);
      const all = await pagePortalPosts(orm.em.fork(), { communeId: COMMUNE, rows: 10 });
      expect(all.totalCount).toBe(7);
      expect(all.rows.map((p) => p.id)).toEqual(['e', 'g', 'd', 'c', 'b', 'f', 'a']);
      expect(await pagePortalPosts(orm.em.fork(), { communeId: 'none/1', publishedAt: NOW, rows: 10 })).toEqual({ totalCount: 0, rows: [] });
    });
  });
}
