import type { EntityManager } from '@mikro-orm/core';
import { invalidInput } from '../../../core/domain-errors.js';
import { vietnamYearRange } from '../../../core/time.js';
import { AnnouncementDelivery } from './announcement-delivery.entity.js';
import { AnnouncementStatus, DeliveryStatus, SubscriberChannel, SubscriptionStatus } from './announcement-enums.js';
import { Announcement } from './announcement.entity.js';
import { Subscriber } from './subscriber.entity.js';

export interface DeliveryStats {
  recipients: number;
  pending: number;
  sent: number;
  delivered: number;
  failed: number;
  cancelled: number;
}

/** Deliveries of one announcement by status. */
export async function deliveryStats(em: EntityManager, announcementId: string): Promise<DeliveryStats> {
  const rows = await em.find(AnnouncementDelivery, { announcementId }, { fields: ['status'] });
  const count = (...statuses: DeliveryStatus[]) => rows.filter((r) => statuses.includes(r.status)).length;
  return {
    recipients: rows.length,
    pending: count(DeliveryStatus.QUEUED, DeliveryStatus.SENDING),
    sent: count(DeliveryStatus.SENT),
    delivered: count(DeliveryStatus.DELIVERED),
    failed: count(DeliveryStatus.FAILED),
    cancelled: count(DeliveryStatus.CANCELLED),
  };
}

/** Announcements sent by these communes in a year, and how their messages fared. */
export async function announcementStats(em: EntityManager, communeIds: string[], year: number) {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw invalidInput(`year must be 1990 to 2100, got ${year}.`, 'year');
  const { start, end } = vietnamYearRange(year);
  const sent = await em.find(Announcement, { communeId: { $in: communeIds }, status: AnnouncementStatus.SENT, sentAt: { $gte: start, $lt: end } }, { fields: ['id', 'emergency'] });
  const ids = sent.map((a) => a.id);
  const messages = ids.length ? await em.count(AnnouncementDelivery, { announcementId: { $in: ids } }) : 0;
  const delivered = ids.length ? await em.count(AnnouncementDelivery, { announcementId: { $in: ids }, status: DeliveryStatus.DELIVERED }) : 0;
  return { announcements: sent.length, emergencies: sent.filter((a) => a.emergency).length, messages, delivered, deliveredShare: messages ? delivered / messages : null };
}

/** Subscribers of these communes by status and channel (officers only: the caller checks). */
export async function subscriberStats(em: EntityManager, communeIds: string[]) {
  const rows = await em.find(Subscriber, { communeId: { $in: communeIds } }, { fields: ['status', 'channel'] });
  const subscribed = rows.filter((r) => r.status === SubscriptionStatus.SUBSCRIBED);
  return {
    subscribed: subscribed.length,
    optedOut: rows.length - subscribed.length,
    sms: subscribed.filter((r) => r.channel === SubscriberChannel.SMS).length,
    zalo: subscribed.filter((r) => r.channel === SubscriberChannel.ZALO).length,
  };
}
