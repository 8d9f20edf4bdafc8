import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { PortalPost } from '../portal/portal-post.entity.js';
import { PortalCategory, PostStatus } from '../portal/portal.rules.js';

/**
 * The pilot's commune portals: the province's ICT centre completed every section the decree then in
 * force required, and trained officials to post (seed report). ASSUMPTION (the source quotes no post):
 * one published news post per commune about that October 2021 training, published 2021-10-20 09:00
 * (Asia/Ho_Chi_Minh), drafted by "pilot-officer" and approved by "pilot-chairperson".
 */
const PUBLISHED = new Date('2021-10-20T02:00:00Z');

const posts = [PILOT_COMMUNES.namThuong, PILOT_COMMUNES.lienSon].map((c) =>
  Object.assign(new PortalPost(), {
    id: `portal-${c.code}-2021-10-training`,
    communeId: c.id,
    category: PortalCategory.NEWS_ANNOUNCEMENTS,
    title: `Xã ${c.name} tham gia tập huấn chuyển đổi số cấp xã`,
    summary: 'Cán bộ, công chức xã được tập huấn sử dụng các hệ thống thông tin dùng chung của tỉnh.',
    body: `Tháng 10/2021, Trung tâm Công nghệ thông tin và Truyền thông tỉnh Hòa Bình tập huấn cho cán bộ, công chức xã ${c.name} về Hệ thống quản lý văn bản và điều hành, Hệ thống thông tin một cửa điện tử, Cổng Dịch vụ công tỉnh, ký số và an toàn thông tin.`,
    status: PostStatus.APPROVED,
    publishAt: PUBLISHED,
    expireAt: null,
    author: 'pilot-officer',
    reviewedBy: 'pilot-chairperson',
    reviewedAt: PUBLISHED,
    rejectionReason: null,
    updatedAt: PUBLISHED,
  }),
);

/** Idempotent: fixed ids, inserted when missing. */
export async function seedPilotPortal(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.upsertMany(PortalPost, posts, { onConflictAction: 'ignore' });
  });
}
