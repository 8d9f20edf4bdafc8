import { pageWindow, toConnection, type Connection, type PageArgs } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { readAccess, readRows } from '../../shared/access-guard.js';
import { PortalPost } from './portal-post.entity.js';
import { pagePortalPosts } from './portal-post.store.js';
import { isPublished, type PortalCategory } from './portal.rules.js';

type EditorField = 'Query.portalPost' | 'PortalPost.author' | 'PortalPost.reviewedBy' | 'PortalPost.rejectionReason';

/** What only the commune's editorial staff read (ACCESS_RULES); a refusal is recorded, not thrown. */
export function readEditorField(context: SubgraphContext, field: EditorField, post: PortalPost): Promise<boolean> {
  return readAccess(context, field, { unitIds: [post.communeId] }, { target: post.id, communeId: post.communeId });
}

/** The post with this id: a published one for anyone, any other for the commune's editors; null otherwise. */
export async function findPortalPost(context: SubgraphContext, id: string): Promise<PortalPost | null> {
  const post = await context.em.findOne(PortalPost, { id });
  if (!post) return null;
  if (isPublished(post, new Date())) return post;
  return (await readEditorField(context, 'Query.portalPost', post)) ? post : null;
}

export interface PortalPostFilter {
  category?: PortalCategory | null;
  /** Honoured for the commune's editors only; everyone else gets the published posts. */
  includeUnpublished?: boolean | null;
}

/**
 * A page of the commune portal's posts, newest publishAt first (keyset on publishAt, id). The viewer
 * is read only when unpublished posts are asked for: reading it makes the answer private
 * (core/graphql/viewer-cache-scope.ts), and the published list is the same for everyone.
 */
export async function listPortalPosts(context: SubgraphContext, communeId: string, filter: PortalPostFilter, page: PageArgs): Promise<Connection<PortalPost>> {
  const { limit, after } = pageWindow(page);
  // Unpublished posts only when asked for, and then by the rule (ACCESS_RULES): the editors see them all.
  const scope = filter.includeUnpublished ? await readRows(context, 'Commune.portalPosts', { unitIds: [communeId] }, { target: communeId, communeId }) : null;
  const { rows, totalCount } = await pagePortalPosts(context.em, {
    communeId,
    category: filter.category,
    publishedAt: scope?.kind === 'all' ? undefined : new Date(),
    after: after ? [Number(after[0]), String(after[1])] : undefined,
    rows: limit + 1,
  });
  return toConnection(rows, limit, totalCount, (p) => [p.publishAt.getTime(), p.id]);
}
