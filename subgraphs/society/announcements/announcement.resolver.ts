import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CACHE_SECONDS, cacheFor, cacheForPeriod } from '../../../core/graphql/cache-hints.js';
import { PageArgs, pageWindow, toConnection, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { Commune, communeScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { isOfficerOf } from '../field-reports/officer-access.rules.js';
import { readAccess } from '../../shared/access-guard.js';
import { AnnouncementDelivery } from './announcement-delivery.entity.js';
import { AnnouncementStatus } from './announcement-enums.js';
import { Announcement } from './announcement.entity.js';
import { draftAnnouncement, sendAnnouncement } from './announcement.command.js';
import { announcementStats, deliveryStats, subscriberStats, type DeliveryStats } from './announcement-stats.query.js';
import {
  AnnouncementConnection,
  AnnouncementPayload,
  AnnouncementStatsType,
  AnnouncementType,
  AudienceType,
  DeliveryStatsType,
  DeliveryType,
  DraftAnnouncementInput,
  RadioRelayType,
  SendAnnouncementInput,
  SubscriberConnection,
  SubscriberStatsType,
} from './announcement.type.js';
import { Subscriber } from './subscriber.entity.js';
import { maskPhone } from './subscriber.rules.js';

/** A draft is for its commune's officers; a sent announcement is public. */
function visible(announcement: Announcement, context: SubgraphContext): boolean {
  return announcement.status === AnnouncementStatus.SENT || isOfficerOf(context.viewer, announcement.communeId);
}

function cursorKey(after: (string | number)[]): [number, string] {
  const [ms, id] = after;
  if (typeof ms !== 'number' || typeof id !== 'string') throw invalidInput('The cursor is not one this list returned: pass a pageInfo.endCursor unchanged.', 'after');
  return [ms, id];
}

@Resolver(() => AnnouncementType)
export class AnnouncementResolver {
  @Query(() => AnnouncementType, { nullable: true, description: 'The announcement with this id: public once sent, a draft for its commune\'s officers; null otherwise.' })
  async announcement(@Arg('id', () => ID, { description: 'Announcement.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<Announcement | null> {
    const found = await context.em.findOne(Announcement, { id });
    return found && visible(found, context) ? found : null;
  }

  @FieldResolver(() => AudienceType, { description: 'Who it is for.' })
  audience(@Root() announcement: Announcement): AudienceType {
    return { kind: announcement.audienceKind, names: announcement.audience };
  }

  @FieldResolver(() => DeliveryStatsType, { description: 'Its recipients by delivery status (public counts; zero for a draft).' })
  deliveryStats(@Root() announcement: Announcement, @Ctx() context: SubgraphContext): Promise<DeliveryStats> {
    return deliveryStats(context.em, announcement.id);
  }

  @FieldResolver(() => [DeliveryType], { nullable: true, description: 'Each recipient\'s message, phones masked: the commune\'s officers only (null for others).' })
  async deliveries(@Root() announcement: Announcement, @Ctx() context: SubgraphContext): Promise<DeliveryType[] | null> {
    if (!isOfficerOf(context.viewer, announcement.communeId)) return null;
    const rows = await context.em.find(AnnouncementDelivery, { announcementId: announcement.id }, { orderBy: { id: 'asc' } });
    const phones = new Map((await context.em.find(Subscriber, { id: { $in: rows.map((r) => r.subscriberId) } }, { fields: ['id', 'phone'] })).map((s) => [s.id, s.phone]));
    return rows.map((r) => ({ ...r, maskedPhone: maskPhone(phones.get(r.subscriberId) ?? '') }));
  }

  @FieldResolver(() => RadioRelayType, { description: 'Its radio bulletin (status NONE unless an emergency).' })
  radio(@Root() announcement: Announcement): RadioRelayType {
    return { status: announcement.radioStatus, broadcastId: announcement.radioBroadcastId, attempts: announcement.radioAttempts, lastError: announcement.radioLastError };
  }

  @Mutation(() => AnnouncementPayload, { description: 'Drafts an announcement (OFFICER of the commune). Nothing goes out until sendAnnouncement.' })
  async draftAnnouncement(@Arg('input', () => DraftAnnouncementInput, { description: 'The draft.' }) input: DraftAnnouncementInput, @Ctx() context: SubgraphContext): Promise<AnnouncementPayload> {
    return { announcement: await draftAnnouncement(context.em, context.viewer, input, new Date()) };
  }

  @Mutation(() => AnnouncementPayload, {
    description:
      'Sends a draft (OFFICER of its commune): one message per SUBSCRIBED subscriber in the audience, on their channel, delivered by the delivery worker with retries; ' +
      'an emergency also schedules an EMERGENCY radio bulletin. CONFLICT when already sent; BAD_USER_INPUT when nobody is in the audience (allowed for an emergency: the radio still plays).',
  })
  async sendAnnouncement(@Arg('input', () => SendAnnouncementInput, { description: 'The draft to send.' }) input: SendAnnouncementInput, @Ctx() context: SubgraphContext): Promise<AnnouncementPayload> {
    const announcement = await sendAnnouncement(context.em, context.viewer, input.announcementId, new Date());
    context.logger.info({ announcementId: announcement.id, recipients: announcement.recipients, emergency: announcement.emergency, by: context.viewer?.subject }, 'announcement sent');
    return { announcement };
  }
}

@Resolver(() => Commune)
export class CommuneAnnouncementsResolver {
  @FieldResolver(() => AnnouncementConnection, { nullable: true, description: 'The commune\'s announcements, latest first: sent ones for everyone, drafts too for its officers.' })
  @Directive(REQUIRES_LINEAGE)
  async announcements(@Root() commune: Commune, @Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<Connection<Announcement>> {
    // A list that grows; an officer's answer (drafts included) is private anyway, as it read the viewer.
    cacheFor(info, CACHE_SECONDS.current);
    const { limit, after } = pageWindow(page);
    const where: Record<string, unknown> = { communeId: { $in: communeScope(commune) } };
    if (!isOfficerOf(context.viewer, commune.id)) where.status = AnnouncementStatus.SENT;
    const total = await context.em.count(Announcement, where);
    if (after) {
      const [ms, id] = cursorKey(after);
      where.$or = [{ createdAt: { $lt: new Date(ms) } }, { createdAt: new Date(ms), id: { $lt: id } }];
    }
    const rows = await context.em.find(Announcement, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 });
    return toConnection(rows, limit, total, (a) => [a.createdAt.getTime(), a.id]);
  }

  @FieldResolver(() => AnnouncementStatsType, { nullable: true, description: 'Announcements sent in a year and how many of their messages were delivered (public).' })
  @Directive(REQUIRES_LINEAGE)
  announcementStats(@Root() commune: Commune, @Arg('year', () => Int, { description: 'Calendar year (Asia/Ho_Chi_Minh).' }) year: number, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<AnnouncementStatsType> {
    cacheForPeriod(info, { year });
    return announcementStats(context.em, communeScope(commune), year);
  }

  @FieldResolver(() => SubscriberStatsType, { nullable: true, description: 'Subscribers by status and channel: the commune\'s officers only (null for others).' })
  @Directive(REQUIRES_LINEAGE)
  async announcementSubscriberStats(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<SubscriberStatsType | null> {
    const allowed = await readAccess(context, 'Commune.announcementSubscriberStats', { unitIds: [commune.id] }, { target: commune.id, communeId: commune.id });
    return allowed ? subscriberStats(context.em, communeScope(commune)) : null;
  }

  @FieldResolver(() => SubscriberConnection, { nullable: true, description: 'Subscribers, newest first, phones masked: the commune\'s officers only (null for others).' })
  @Directive(REQUIRES_LINEAGE)
  async announcementSubscribers(@Root() commune: Commune, @Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext): Promise<Connection<Subscriber> | null> {
    if (!(await readAccess(context, 'Commune.announcementSubscribers', { unitIds: [commune.id] }, { target: commune.id, communeId: commune.id }))) return null;
    const { limit, after } = pageWindow(page);
    const where: Record<string, unknown> = { communeId: { $in: communeScope(commune) } };
    const total = await context.em.count(Subscriber, where);
    if (after) {
      const [ms, id] = cursorKey(after);
      where.$or = [{ createdAt: { $lt: new Date(ms) } }, { createdAt: new Date(ms), id: { $lt: id } }];
    }
    const rows = await context.em.find(Subscriber, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 });
    return toConnection(rows, limit, total, (s) => [s.createdAt.getTime(), s.id]);
  }
}
