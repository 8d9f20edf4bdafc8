import { PART_OF_PARENT } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import { PortalPost } from './portal-post.entity.js';
import { PortalCategory, PostStatus } from './portal.rules.js';

registerEnumType(PortalCategory, {
  name: 'PortalCategory',
  description: 'A section a commune portal must publish under Decree 42/2022/NĐ-CP.',
  valuesConfig: {
    NEWS_ANNOUNCEMENTS: { description: 'News and announcements (tin tức, thông báo).' },
    LEADERSHIP_ORGANISATION: { description: 'Leadership and organisation (cơ cấu tổ chức, lãnh đạo).' },
    LEGAL_DOCUMENTS: { description: 'Legal and policy documents (văn bản).' },
    PROCEDURES: { description: 'Administrative procedures and public services (thủ tục hành chính).' },
    PLANS_REPORTS: { description: 'Plans, programmes and reports (kế hoạch, báo cáo).' },
    QUESTIONS_ANSWERS: { description: 'Questions and answers (hỏi đáp).' },
  },
});
registerEnumType(PostStatus, {
  name: 'PortalPostStatus',
  description: 'Where a post stands in approval.',
  valuesConfig: {
    DRAFT: { description: 'Being written by an officer; not public.' },
    APPROVED: { description: 'Approved by the chairperson: public from publishAt until expireAt.' },
    REJECTED: { description: 'Sent back by the chairperson with a reason; the officer edits it (back to DRAFT).' },
    WITHDRAWN: { description: 'Taken down by the chairperson.' },
  },
});

@ObjectType('PortalPost', { description: 'A post of a commune web portal. Anonymous callers see published posts only; author and reviewer only to the commune\'s officers and chairperson.' })
@Directive(PART_OF_PARENT)
export class PortalPostType {
  @Field(() => ID, { description: 'Post id.' })
  id!: string;

  @Field(() => PortalCategory, { description: 'Section.' })
  category!: PortalCategory;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Summary (sapo).' })
  summary!: string | null;

  @Field(() => String, { description: 'Body (HTML or Markdown as the portal renders it; stored as given).' })
  body!: string;

  @Field(() => PostStatus, { description: 'Approval status.' })
  status!: PostStatus;

  @Field(() => DateTimeScalar, { description: 'When it becomes public once approved.' })
  publishAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it stops being public; null = never.' })
  expireAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the chairperson approved or rejected it.' })
  reviewedAt!: Date | null;

  @Field(() => DateTimeScalar, { description: 'Last change.' })
  updatedAt!: Date;
}

export const { ConnectionType: PortalPostConnection } = connectionTypes(PortalPostType, 'PortalPost', 'portal post');

@InputType({ description: 'A new post, drafted by an officer.' })
export class DraftPortalPostInput {
  @Field(() => ID, { description: 'Commune.id.' })
  communeId!: string;

  @Field(() => PortalCategory, { description: 'Section.' })
  category!: PortalCategory;

  @Field(() => String, { description: 'Title, 1 to 300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Summary, at most 1000 characters.' })
  summary?: string | null;

  @Field(() => String, { description: 'Body, 1 to 100000 characters.' })
  body!: string;

  @Field(() => DateTimeScalar, { description: 'When it should become public once approved.' })
  publishAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it should stop being public, after publishAt.' })
  expireAt?: Date | null;
}

@InputType({ description: 'Changes to a DRAFT or REJECTED post (it becomes DRAFT again); fields left out stay.' })
export class UpdatePortalPostInput {
  @Field(() => ID, { description: 'The post.' })
  id!: string;

  @Field(() => PortalCategory, { nullable: true, description: 'Section.' })
  category?: PortalCategory | null;

  @Field(() => String, { nullable: true, description: 'Title, 1 to 300 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Summary, at most 1000 characters.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Body, 1 to 100000 characters.' })
  body?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it should become public.' })
  publishAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it should stop being public.' })
  expireAt?: Date | null;
}

@InputType({ description: 'The chairperson\'s decision on a DRAFT post.' })
export class ReviewPortalPostInput {
  @Field(() => ID, { description: 'The post.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Why it is rejected (required to reject, 1 to 1000 characters).' })
  reason?: string | null;
}

@ObjectType({ description: 'The post as it now stands.' })
export class PortalPostPayload {
  @Field(() => PortalPostType, { description: 'The post.' })
  portalPost!: PortalPost;
}
