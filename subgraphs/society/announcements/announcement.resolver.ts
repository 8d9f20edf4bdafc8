import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CACHE_SECONDS, cacheFor, cacheForPeriod } from '../../../core/graphql/cache-hints.js';
import { PageArgs, pageWindow, toConnection, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { Commune, communeScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { readAccess, readRows } from '../../shared/access-guard.js';
import { AnnouncementStatus } from './announcement-enums.js';
import type { Announcement } from './announcement.entity.js';
import { draftAnnouncement, sendAnnouncement } from './announcement.command.js';
import { announcementDeliveries, communeAnnouncements, communeSubscribers, findAnnouncement } from './announcement.query.js';
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
import type { Subscriber } from './subscriber.entity.js';

/** What only the announcement's commune's officers read (ACCESS_RULES): a draft, its deliveries. */
function officerRead(context: SubgraphContext, field: 'Query.announcement' | 'Announcement.deliveries', announcement: Announcement): Promise<boolean> {
  return readAccess(context, field, { unitIds: [announcement.communeId] }, { target: announcement.id, communeId: announcement.communeId });
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
    const found = await findAnnouncement(context.em, id);
    if (!found) return null;
    // A sent announcement is public; a draft is its commune's officers'.
    if (found.status === AnnouncementStatus.SENT) return found;
    return (await officerRead(context, 'Query.announcement', found)) ? found : null;
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
    if (!(await officerRead(context, 'Announcement.deliveries', announcement))) return null;
    return announcementDeliveries(context.em, announcement.id);
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
    const rows = await readRows(context, 'Commune.announcements', { unitIds: [commune.id] }, { target: commune.id, communeId: commune.id });
    const { rows: found, total } = await communeAnnouncements(context.em, communeScope(commune), rows?.kind !== 'all', { limit, after: after ? cursorKey(after) : undefined });
    return toConnection(found, limit, total, (a) => [a.createdAt.getTime(), a.id]);
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
    const { rows, total } = await communeSubscribers(context.em, communeScope(commune), { limit, after: after ? cursorKey(after) : undefined });
    return toConnection(rows, limit, total, (s) => [s.createdAt.getTime(), s.id]);
  }
}
