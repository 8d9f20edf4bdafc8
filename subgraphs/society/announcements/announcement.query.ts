import type { EntityManager } from '@mikro-orm/core';
import { AnnouncementDelivery } from './announcement-delivery.entity.js';
import { AnnouncementStatus } from './announcement-enums.js';
import { Announcement } from './announcement.entity.js';
import { Subscriber } from './subscriber.entity.js';
import { maskPhone } from './subscriber.rules.js';

/** A page of a list keyed (createdAt, id), newest first. */
export interface CreatedPage {
  limit: number;
  after?: [number, string];
}

const olderThan = (after: [number, string]) => ({ $or: [{ createdAt: { $lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { $lt: after[1] } }] });

export function findAnnouncement(em: EntityManager, id: string): Promise<Announcement | null> {
  return em.findOne(Announcement, { id });
}

/** Each recipient's message of one announcement, by id, with the phone masked. */
export async function announcementDeliveries(em: EntityManager, announcementId: string): Promise<(AnnouncementDelivery & { maskedPhone: string })[]> {
  const rows = await em.find(AnnouncementDelivery, { announcementId }, { orderBy: { id: 'asc' } });
  const phones = new Map((await em.find(Subscriber, { id: { $in: rows.map((r) => r.subscriberId) } }, { fields: ['id', 'phone'] })).map((s) => [s.id, s.phone]));
  return rows.map((r) => ({ ...r, maskedPhone: maskPhone(phones.get(r.subscriberId) ?? '') }));
}

/** The announcements of these units, newest first; only the sent ones when `sentOnly`. */
export async function communeAnnouncements(em: EntityManager, communeIds: string[], sentOnly: boolean, page: CreatedPage): Promise<{ rows: Announcement[]; total: number }> {
  const where: Record<string, unknown> = { communeId: { $in: communeIds } };
  if (sentOnly) where.status = AnnouncementStatus.SENT;
  const total = await em.count(Announcement, where);
  const rows = await em.find(Announcement, page.after ? { ...where, ...olderThan(page.after) } : where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.limit + 1 });
  return { rows, total };
}

/** The subscribers of these units, newest first. */
export async function communeSubscribers(em: EntityManager, communeIds: string[], page: CreatedPage): Promise<{ rows: Subscriber[]; total: number }> {
  const where = { communeId: { $in: communeIds } };
  const total = await em.count(Subscriber, where);
  const rows = await em.find(Subscriber, page.after ? { ...where, ...olderThan(page.after) } : where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.limit + 1 });
  return { rows, total };
}
