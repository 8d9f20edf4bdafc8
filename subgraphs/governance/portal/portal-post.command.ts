import { randomUUID } from 'node:crypto';
import { forbidden, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { todayInVietnam } from '../../../core/time.js';
import { Role } from '../../shared/roles.js';
import { communeForWrite } from '../common/officer-scope.js';
import { PortalPost } from './portal-post.entity.js';
import { checkPost, PostStatus, requirePortalRole, requireStatus } from './portal.rules.js';
import type { DraftPortalPostInput, ReviewPortalPostInput, UpdatePortalPostInput } from './portal.type.js';

/** The post a change names, if the caller has the role for it in the post's commune. */
async function postForChange(context: SubgraphContext, id: string, role: Role, action: string): Promise<PortalPost> {
  const post = await context.em.findOne(PortalPost, { id });
  if (!post) throw notFound(`No portal post has id "${id}": list them with Commune.portalPosts(includeUnpublished: true).`, { field: 'input.id' });
  requirePortalRole(context.viewer, role, post.communeId, action);
  return post;
}

/** A DRAFT post becomes APPROVED or REJECTED, by the caller; the status is checked again on the row the transaction writes. */
function review(context: SubgraphContext, id: string, status: PostStatus, reason: string | null): Promise<PortalPost> {
  return context.em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(PortalPost, { id });
    requireStatus(row.status, [PostStatus.DRAFT], status === PostStatus.APPROVED ? 'approved' : 'rejected');
    const now = new Date();
    return Object.assign(row, { status, reviewedBy: context.viewer!.subject, reviewedAt: now, rejectionReason: reason, updatedAt: now });
  });
}

/** An officer drafts a post of the commune; it is public only once the chairperson approves it. */
export async function draftPortalPost(context: SubgraphContext, input: DraftPortalPostInput): Promise<PortalPost> {
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
  return post;
}

/** An officer changes a DRAFT or REJECTED post, which becomes DRAFT again. */
export async function updatePortalPost(context: SubgraphContext, input: UpdatePortalPostInput): Promise<PortalPost> {
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
  return context.em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(PortalPost, { id: input.id });
    requireStatus(row.status, [PostStatus.DRAFT, PostStatus.REJECTED], 'edited');
    return Object.assign(row, fields, { status: PostStatus.DRAFT, updatedAt: new Date() });
  });
}

/** The chairperson approves a DRAFT post, never one they drafted (four-eyes rule). */
export async function approvePortalPost(context: SubgraphContext, input: ReviewPortalPostInput): Promise<PortalPost> {
  const existing = await postForChange(context, input.id, Role.CHAIRPERSON, 'approve portal posts');
  if (existing.author === context.viewer!.subject) throw forbidden('You drafted this post: another person must approve it (four-eyes rule).');
  return review(context, existing.id, PostStatus.APPROVED, null);
}

/** The chairperson sends a DRAFT post back with a reason. */
export async function rejectPortalPost(context: SubgraphContext, input: ReviewPortalPostInput): Promise<PortalPost> {
  const existing = await postForChange(context, input.id, Role.CHAIRPERSON, 'reject portal posts');
  const reason = (input.reason ?? '').normalize('NFC').trim();
  if (!reason || reason.length > 1000) throw invalidInput('Give the reason for rejecting, 1 to 1000 characters.', 'input.reason');
  return review(context, existing.id, PostStatus.REJECTED, reason);
}

/** The chairperson takes an APPROVED post down. */
export async function withdrawPortalPost(context: SubgraphContext, input: ReviewPortalPostInput): Promise<PortalPost> {
  const existing = await postForChange(context, input.id, Role.CHAIRPERSON, 'withdraw portal posts');
  requireStatus(existing.status, [PostStatus.APPROVED], 'withdrawn');
  return context.em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(PortalPost, { id: existing.id });
    requireStatus(row.status, [PostStatus.APPROVED], 'withdrawn');
    return Object.assign(row, { status: PostStatus.WITHDRAWN, updatedAt: new Date() });
  });
}
