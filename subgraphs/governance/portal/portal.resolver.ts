import { CACHE_SECONDS, cacheFor } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Commune } from '../units/commune.type.js';
import { PortalPost } from './portal-post.entity.js';
import { approvePortalPost, draftPortalPost, rejectPortalPost, updatePortalPost, withdrawPortalPost } from './portal-post.command.js';
import { findPortalPost, listPortalPosts, readEditorField } from './portal-post.query.js';
import { PortalCategory } from './portal.rules.js';
import { DraftPortalPostInput, PortalPostConnection, PortalPostPayload, PortalPostType, ReviewPortalPostInput, UpdatePortalPostInput } from './portal.type.js';

@Resolver(() => PortalPostType)
export class PortalPostResolver {
  @Query(() => PortalPostType, { nullable: true, description: 'The post with this id: published posts for everyone, any post for the commune\'s officers and chairperson; null otherwise.' })
  async portalPost(@Arg('id', () => ID, { description: 'PortalPost.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<PortalPost | null> {
    return findPortalPost(context, id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who drafted it (token subject): the commune\'s officers and chairperson only.' })
  async author(@Root() post: PortalPost, @Ctx() context: SubgraphContext): Promise<string | null> {
    return (await readEditorField(context, 'PortalPost.author', post)) ? post.author : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who approved or rejected it (token subject): the commune\'s officers and chairperson only.' })
  async reviewedBy(@Root() post: PortalPost, @Ctx() context: SubgraphContext): Promise<string | null> {
    return (await readEditorField(context, 'PortalPost.reviewedBy', post)) ? (post.reviewedBy ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the chairperson rejected it: the commune\'s officers and chairperson only.' })
  async rejectionReason(@Root() post: PortalPost, @Ctx() context: SubgraphContext): Promise<string | null> {
    return (await readEditorField(context, 'PortalPost.rejectionReason', post)) ? (post.rejectionReason ?? null) : null;
  }

  @Mutation(() => PortalPostPayload, { description: 'Drafts a portal post (OFFICER of the commune). It is public only once the chairperson approves it.' })
  async draftPortalPost(@Arg('input', () => DraftPortalPostInput, { description: 'The post.' }) input: DraftPortalPostInput, @Ctx() context: SubgraphContext): Promise<PortalPostPayload> {
    return { portalPost: await draftPortalPost(context, input) };
  }

  @Mutation(() => PortalPostPayload, { description: 'Changes a DRAFT or REJECTED post; it becomes DRAFT again (OFFICER of the commune).' })
  async updatePortalPost(@Arg('input', () => UpdatePortalPostInput, { description: 'The changes.' }) input: UpdatePortalPostInput, @Ctx() context: SubgraphContext): Promise<PortalPostPayload> {
    return { portalPost: await updatePortalPost(context, input) };
  }

  @Mutation(() => PortalPostPayload, { description: 'Approves a DRAFT post for publication from its publishAt (CHAIRPERSON of the commune, who may not approve a post they drafted).' })
  async approvePortalPost(@Arg('input', () => ReviewPortalPostInput, { description: 'The post.' }) input: ReviewPortalPostInput, @Ctx() context: SubgraphContext): Promise<PortalPostPayload> {
    return { portalPost: await approvePortalPost(context, input) };
  }

  @Mutation(() => PortalPostPayload, { description: 'Sends a DRAFT post back to its author with a reason (CHAIRPERSON of the commune).' })
  async rejectPortalPost(@Arg('input', () => ReviewPortalPostInput, { description: 'The post and the reason.' }) input: ReviewPortalPostInput, @Ctx() context: SubgraphContext): Promise<PortalPostPayload> {
    return { portalPost: await rejectPortalPost(context, input) };
  }

  @Mutation(() => PortalPostPayload, { description: 'Takes an APPROVED post down (CHAIRPERSON of the commune).' })
  async withdrawPortalPost(@Arg('input', () => ReviewPortalPostInput, { description: 'The post.' }) input: ReviewPortalPostInput, @Ctx() context: SubgraphContext): Promise<PortalPostPayload> {
    return { portalPost: await withdrawPortalPost(context, input) };
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
    return listPortalPosts(context, commune.id, { category, includeUnpublished }, page);
  }
}
