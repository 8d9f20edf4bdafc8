import { conflict, forbidden, invalidInput, unauthenticated } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { actsForUnit, Role, type Viewer } from '../../shared/roles.js';

/** What a commune portal publishes under Decree 42/2022/NĐ-CP (which replaced Decree 43/2011). */
export enum PortalCategory {
  NEWS_ANNOUNCEMENTS = 'NEWS_ANNOUNCEMENTS',
  LEADERSHIP_ORGANISATION = 'LEADERSHIP_ORGANISATION',
  LEGAL_DOCUMENTS = 'LEGAL_DOCUMENTS',
  PROCEDURES = 'PROCEDURES',
  PLANS_REPORTS = 'PLANS_REPORTS',
  QUESTIONS_ANSWERS = 'QUESTIONS_ANSWERS',
}

/** DRAFT (officer edits) → APPROVED by the chairperson (public from publishAt to expireAt), or REJECTED back to the officer; WITHDRAWN takes it down. */
export enum PostStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export interface PostFields {
  category: PortalCategory;
  title: string;
  summary: string | null;
  body: string;
  publishAt: Date;
  expireAt: Date | null;
}

function text(value: string | null | undefined, field: string, max: number, required: boolean): string | null {
  const t = nfc(value ?? '');
  if (!t) {
    if (required) throw invalidInput(`${field.split('.').pop()} must not be empty.`, field);
    return null;
  }
  if (t.length > max) throw invalidInput(`${field.split('.').pop()} must be at most ${max} characters, got ${t.length}.`, field);
  return t;
}

export function checkPost(input: { category: PortalCategory; title: string; summary?: string | null; body: string; publishAt: Date; expireAt?: Date | null }): PostFields {
  const title = text(input.title, 'input.title', 300, true)!;
  const summary = text(input.summary, 'input.summary', 1000, false);
  const body = text(input.body, 'input.body', 100_000, true)!;
  const expireAt = input.expireAt ?? null;
  if (expireAt && expireAt.getTime() <= input.publishAt.getTime()) throw invalidInput('expireAt must be after publishAt.', 'input.expireAt');
  return { category: input.category, title, summary, body, publishAt: input.publishAt, expireAt };
}

/** Published = approved, and now within [publishAt, expireAt). */
export function isPublished(post: { status: PostStatus; publishAt: Date; expireAt?: Date | null }, now: Date): boolean {
  return post.status === PostStatus.APPROVED && post.publishAt <= now && (!post.expireAt || post.expireAt > now);
}

export function requirePortalRole(viewer: Viewer | null, role: Role, communeId: string, action: string): Viewer {
  if (!viewer) throw unauthenticated(`Sign in to ${action}: send a bearer token in the Authorization header.`);
  if (!actsForUnit(viewer, role, communeId)) throw forbidden(`Only the ${role} of commune ${communeId} (or of the unit it merged into) may ${action}: ask for a token with that role and commune.`);
  return viewer;
}

/** The transitions: which status a post must be in for an action. */
export function requireStatus(status: PostStatus, allowed: readonly PostStatus[], action: string): void {
  if (!allowed.includes(status)) throw conflict(`The post is ${status}: only a ${allowed.join(' or ')} post can be ${action}.`);
}
