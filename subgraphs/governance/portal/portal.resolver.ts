import { CACHE_SECONDS, cacheFor } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { randomUUID } from 'node:crypto';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { forbidden, invalidInput, notFound } from '../../../core/domain-errors.js';
import { PageArgs, pageWindow, toConnection, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { todayInVietnam } from '../../../core/time.js';
import { Role } from '../../shared/roles.js';
import { communeForWrite } from '../common/officer-scope.js';
import { Commune } from '../units/commune.type.js';
import { PortalPost } from './portal-post.entity.js';
import { readAccess, readRows } from '../../shared/access-guard.js';
import { checkPost, isPublished, PortalCategory, PostStatus, requirePortalRole, requireStatus } from './portal.rules.js';
import { DraftPortalPostInput, PortalPostConnection, PortalPostPayload, PortalPostType, ReviewPortalPostInput, UpdatePortalPostInput } from './portal.type.js';

async function postForChange(context: SubgraphContext, id: string, role: Role, action: string): Promise<PortalPost> {
  const post = await context.em.findOne(PortalPost, { id });
  if (!post) throw notFound(`No portal post has id "${id}": list them with Commune.portalPosts(includeUnpublished: true).`, { field: 'input.id' });
  requirePortalRole(context.viewer, role, post.communeId, action);
  return post;
}

/** What only the commune's editorial staff read (ACCESS_RULES). */
function editorRead(context: SubgraphContext, field: 'Query.portalPost' | 'PortalPost.author' | 'PortalPost.reviewedBy' | 'PortalPost.rejectionReason', post: PortalPost): Promise<boolean> {
  return readAccess(context, field, { unitIds: [post.communeId] }, { target: post.id, communeId: post.communeId });
}

@Resolver(() => PortalPostType)
export class PortalPostResolver {
  @Query(() => PortalPostType, { nullable: true, description: 'The post with this id: published posts for everyone, any post for the commune\'s officers and chairperson; null otherwise.' })
  async portalPost(@Arg('id', () => ID, { description: 'PortalPost.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<PortalPost | null> {
    const post = await context.em.findOne(PortalPost, { id });
    if (!post) return null;
    if (isPublished(post, new Date())) return post;
    return (await editorRead(context, 'Query.portalPost', post)) ? post : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who drafted it (token subject): the commune\'s officers and chairperson only.' })
  async author(@Root() post: PortalPost, @Ctx() context: SubgraphContext): Promise<string | null> {
    return (await editorRead(context, 'PortalPost.author', post)) ? post.author : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who approved or rejected it (token subject): the commune\'s officers and chairperson only.' })
  async reviewedBy(@Root() post: PortalPost, @Ctx() context: SubgraphContext): Promise<string | null> {
    return (await editorRead(context, 'PortalPost.reviewedBy', post)) ? (post.reviewedBy ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the chairperson rejected it: the commune\'s officers and chairperson only.' })
  async rejectionReason(@Root() post: PortalPost, @Ctx() context: SubgraphContext): Promise<string | null> {
    return (await editorRead(context, 'PortalPost.rejectionReason', post)) ? (post.rejectionReason ?? null) : null;
  }

  @Mutation(() => PortalPostPayload, { description: 'Drafts a portal post (OFFICER of the commune). It is public only once the chairperson approves it.' })
  async draftPortalPost(@Arg('input', () => DraftPortalPostInput, { description: 'The post.' }) input: DraftPortalPostInput, @Ctx() context: SubgraphContext): Promise<PortalPostPayload> {
    // The unit must exist on the day the post goes public (Nam Thượng's posts are dated before 2025-07-01).
    const unit = await communeForWrite(context, input.communeId, todayInVietnam(input.publishAt), 'input.communeId', 'input.publishAt');
    const fields = checkPost(input);
    const post = Object.assign(new PortalPost(), {
      id: randomUUID(),
      communeId: unit.id,
      ...fields,
      status: PostStatus.DRAFT,
      author: context.viewer!.subject,
      reviewedBy: null,
      reviewedAt: null,
      rejectionReason: null,
      updatedAt: new Date(),
    });
    await context.em.transactional(async (tx) => {
      tx.persist(post);
    });
    return { portalPost: post };
  }

  @Mutation(() => PortalPostPayload, { description: 'Changes a DRAFT or REJECTED post; it becomes DRAFT again (OFFICER of the commune).' })
  async updatePortalPost(@Arg('input', () => UpdatePortalPostInput, { description: 'The changes.' }) input: UpdatePortalPostInput, @Ctx() context: SubgraphContext): Promise<PortalPostPayload> {
    const existing = await postForChange(context, input.id, Role.OFFICER, 'edit portal posts');
    requireStatus(existing.status, [PostStatus.DRAFT, PostStatus.REJECTED], 'edited');
    const fields = checkPost({
      category: input.category ?? existing.category,
      title: input.title ?? existing.title,
      summary: input.summary !== undefined ? input.summary : (existing.summary ?? null),
      body: input.body ?? existing.body,
      publishAt: input.publishAt ?? existing.publishAt,
      expireAt: input.expireAt !== undefined ? input.expireAt : (existing.expireAt ?? null),
    });
    if (input.publishAt) await communeForWrite(context, existing.communeId, todayInVietnam(fields.publishAt), 'input.id', 'input.publishAt');
    const post = await context.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(PortalPost, { id: input.id });
      requireStatus(row.status, [PostStatus.DRAFT, PostStatus.REJECTED], 'edited');
      return Object.assign(row, fields, { status: PostStatus.DRAFT, updatedAt: new Date() });
    });
    return { portalPost: post };
  }

  @Mutation(() => PortalPostPayload, { description: 'Approves a DRAFT post for publication from its publishAt (CHAIRPERSON of the commune, who may not approve a post they drafted).' })
  async approvePortalPost(@Arg('input', () => ReviewPortalPostInput, { description: 'The post.' }) input: ReviewPortalPostInput, @Ctx() context: SubgraphContext): Promise<PortalPostPayload> {
    const existing = await postForChange(context, input.id, Role.CHAIRPERSON, 'approve portal posts');
    if (existing.author === context.viewer!.subject) throw forbidden('You drafted this post: another person must approve it (four-eyes rule).');
    return { portalPost: await this.review(context, existing.id, PostStatus.APPROVED, null) };
  }

  @Mutation(() => PortalPostPayload, { description: 'Sends a DRAFT post back to its author with a reason (CHAIRPERSON of the commune).' })
  async rejectPortalPost(@Arg('input', () => ReviewPortalPostInput, { description: 'The post and the reason.' }) input: ReviewPortalPostInput, @Ctx() context: SubgraphContext): Promise<PortalPostPayload> {
    const existing = await postForChange(context, input.id, Role.CHAIRPERSON, 'reject portal posts');
    const reason = (input.reason ?? '').normalize('NFC').trim();
    if (!reason || reason.length > 1000) throw invalidInput('Give the reason for rejecting, 1 to 1000 characters.', 'input.reason');
    return { portalPost: await this.review(context, existing.id, PostStatus.REJECTED, reason) };
  }

  @Mutation(() => PortalPostPayload, { description: 'Takes an APPROVED post down (CHAIRPERSON of the commune).' })
  async withdrawPortalPost(@Arg('input', () => ReviewPortalPostInput, { description: 'The post.' }) input: ReviewPortalPostInput, @Ctx() context: SubgraphContext): Promise<PortalPostPayload> {
    const existing = await postForChange(context, input.id, Role.CHAIRPERSON, 'withdraw portal posts');
    requireStatus(existing.status, [PostStatus.APPROVED], 'withdrawn');
    const post = await context.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(PortalPost, { id: existing.id });
      requireStatus(row.status, [PostStatus.APPROVED], 'withdrawn');
      return Object.assign(row, { status: PostStatus.WITHDRAWN, updatedAt: new Date() });
    });
    return { portalPost: post };
  }

  private async review(context: SubgraphContext, id: string, status: PostStatus, reason: string | null): Promise<PortalPost> {
    return context.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(PortalPost, { id });
      requireStatus(row.status, [PostStatus.DRAFT], status === PostStatus.APPROVED ? 'approved' : 'rejected');
      const now = new Date();
      return Object.assign(row, { status, reviewedBy: context.viewer!.subject, reviewedAt: now, rejectionReason: reason, updatedAt: now });
    });
  }
}

@Resolver(() => Commune)
export class CommunePortalResolver {
  @FieldResolver(() => PortalPostConnection, {
    description: 'The commune portal\'s posts, newest publishAt first: published ones for everyone; with includeUnpublished, every post for the commune\'s officers and chairperson.',
  })
  async portalPosts(
    @Root() commune: Commune,
    @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('category', () => PortalCategory, { nullable: true, description: 'Only this section.' }) category?: PortalCategory | null,
    @Arg('includeUnpublished', () => Boolean, { nullable: true, description: 'Also drafts, rejected, scheduled, expired and withdrawn posts (editors of the commune only; ignored for others).' }) includeUnpublished?: boolean | null,
  ): Promise<Connection<PortalPost>> {
    cacheFor(info, CACHE_SECONDS.current);
    const { limit, after } = pageWindow(page);
    const now = new Date();
    const where: FilterQuery<PortalPost> = { communeId: commune.id, ...(category ? { category } : {}) };
    // Unpublished posts only when asked for, and then by the rule (ACCESS_RULES): the editors see them all.
    const scope = includeUnpublished ? await readRows(context, 'Commune.portalPosts', { unitIds: [commune.id] }, { target: commune.id, communeId: commune.id }) : null;
    if (scope?.kind !== 'all') {
      Object.assign(where, { status: PostStatus.APPROVED, publishAt: { $lte: now }, $or: [{ expireAt: null }, { expireAt: { $gt: now } }] });
    }
    const totalCount = await context.em.count(PortalPost, where);
    const keyed: FilterQuery<PortalPost> = after
      ? { $and: [where, { $or: [{ publishAt: { $lt: new Date(Number(after[0])) } }, { publishAt: new Date(Number(after[0])), id: { $lt: String(after[1]) } }] }] }
      : where;
    const rows = await context.em.find(PortalPost, keyed, { orderBy: { publishAt: 'desc', id: 'desc' }, limit: limit + 1 });
    return toConnection(rows, limit, totalCount, (p) => [p.publishAt.getTime(), p.id]);
  }
}
