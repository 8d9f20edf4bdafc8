import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { Viewer } from '../../shared/roles.js';
import { requireCommuneId } from '../commune/commune-id.js';
import { requireOfficerOf } from '../field-reports/officer-access.rules.js';
import { AnnouncementDelivery } from './announcement-delivery.entity.js';
import { AnnouncementStatus, AudienceKind, DeliveryStatus, RadioRelayStatus, SubscriptionStatus } from './announcement-enums.js';
import { Announcement } from './announcement.entity.js';
import { checkAnnouncement, inAudience } from './announcement.rules.js';
import { Subscriber } from './subscriber.entity.js';

export interface DraftCommand {
  communeId: string;
  title: string;
  body: string;
  audienceKind: AudienceKind;
  audience?: string[] | null;
  emergency: boolean;
}

/** An officer of the commune drafts an announcement; nothing goes out until sendAnnouncement. */
export async function draftAnnouncement(em: EntityManager, viewer: Viewer | null, input: DraftCommand, now: Date): Promise<Announcement> {
  const communeId = requireCommuneId(input.communeId, 'input.communeId');
  const officer = requireOfficerOf(viewer, communeId, 'draft announcements');
  const fields = checkAnnouncement(input);
  const announcement = Object.assign(new Announcement(), {
    id: randomUUID(),
    communeId,
    ...fields,
    emergency: input.emergency,
    status: AnnouncementStatus.DRAFT,
    createdBy: officer.subject,
    createdAt: now,
  });
  await em.transactional(async (tx) => {
    tx.persist(announcement);
  });
  return announcement;
}

/**
 * Sends a draft (OFFICER of its commune): in one transaction, one QUEUED delivery per subscriber who
 * is SUBSCRIBED now and in the audience (on their channel), the announcement marked SENT, and for an
 * emergency the radio bulletin queued. The delivery worker does the sending. The transaction is
 * conditional on the draft still being a DRAFT, so two sends cannot both queue deliveries.
 */
export async function sendAnnouncement(em: EntityManager, viewer: Viewer | null, announcementId: string, now: Date): Promise<Announcement> {
  const found = await em.findOne(Announcement, { id: announcementId });
  if (!found) throw notFound(`No announcement has id "${announcementId}": list them with Commune.announcements.`, { field: 'input.announcementId' });
  const officer = requireOfficerOf(viewer, found.communeId, 'send announcements');
  if (found.status !== AnnouncementStatus.DRAFT) throw conflict('This announcement was already sent: draft a new one.', { field: 'input.announcementId' });
  return em.transactional(async (tx) => {
    const subscribers = await tx.find(Subscriber, { communeId: found.communeId, status: SubscriptionStatus.SUBSCRIBED }, { orderBy: { id: 'asc' } });
    const recipients = subscribers.filter((s) => inAudience(s, found.audienceKind, found.audience));
    if (!recipients.length && !found.emergency) {
      throw invalidInput('No subscriber is in this audience: check the villages or groups, or address EVERYONE.', 'input.announcementId');
    }
    const claimed = await tx.nativeUpdate(
      Announcement,
      { id: found.id, status: AnnouncementStatus.DRAFT },
      {
        status: AnnouncementStatus.SENT,
        sentAt: now,
        sentBy: officer.subject,
        recipients: recipients.length,
        ...(found.emergency ? { radioStatus: RadioRelayStatus.QUEUED, radioRunAfter: now.getTime() } : {}),
      },
    );
    if (claimed !== 1) throw conflict('This announcement was sent meanwhile: draft a new one.', { field: 'input.announcementId' });
    for (const subscriber of recipients) {
      tx.persist(
        Object.assign(new AnnouncementDelivery(), {
          id: randomUUID(),
          announcementId: found.id,
          subscriberId: subscriber.id,
          channel: subscriber.channel,
          // The channels take 1–64 letters, digits, _ or -: a UUID without dashes.
          clientMessageId: randomUUID().replace(/-/g, ''),
          status: DeliveryStatus.QUEUED,
          attempts: 0,
          reportChecks: 0,
          runAfter: now.getTime(),
          updatedAt: now,
        }),
      );
    }
    await tx.flush();
    return tx.findOneOrFail(Announcement, { id: found.id }, { refresh: true });
  });
}
