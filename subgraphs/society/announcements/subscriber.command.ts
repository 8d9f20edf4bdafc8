import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { Viewer } from '../../shared/roles.js';
import { requireCommuneId } from '../commune/commune-id.js';
import { requireOfficerOf } from '../field-reports/officer-access.rules.js';
import { ConsentChannel, SubscriberChannel, SubscriptionStatus } from './announcement-enums.js';
import { Subscriber } from './subscriber.entity.js';
import { checkOptOutCode, checkSubscriber, newOptOutCode } from './subscriber.rules.js';

export interface SubscribeCommand {
  communeId: string;
  phone: string;
  village?: string | null;
  groups?: string[] | null;
  channel: SubscriberChannel;
  consentChannel: ConsentChannel;
  consentAt?: Date | null;
}

/**
 * Records a resident's opt-in (OFFICER of the commune, who took the consent). A phone that opted out
 * before subscribes again with the new consent; one already subscribed is a CONFLICT.
 */
export async function subscribe(em: EntityManager, viewer: Viewer | null, input: SubscribeCommand, now: Date): Promise<Subscriber> {
  const communeId = requireCommuneId(input.communeId, 'input.communeId');
  const officer = requireOfficerOf(viewer, communeId, 'record announcement subscribers');
  const fields = checkSubscriber(input, now);
  if (input.consentChannel === ConsentChannel.OPT_OUT_CODE) throw invalidInput('OPT_OUT_CODE is how consent is withdrawn, not given.', 'input.consentChannel');
  return em.transactional(async (tx) => {
    const known = await tx.findOne(Subscriber, { communeId, phone: fields.phone });
    if (known?.status === SubscriptionStatus.SUBSCRIBED) throw conflict('This phone already receives the commune\'s announcements.', { field: 'input.phone', subscriberId: known.id });
    const subscriber = known ?? Object.assign(new Subscriber(), { id: randomUUID(), communeId, phone: fields.phone, optOutCode: newOptOutCode(), createdAt: now });
    Object.assign(subscriber, {
      village: fields.village,
      villageKey: fields.villageKey,
      groups: fields.groups,
      channel: input.channel,
      status: SubscriptionStatus.SUBSCRIBED,
      consentAt: fields.consentAt,
      consentChannel: input.consentChannel,
      optedOutAt: null,
      optOutChannel: null,
      recordedBy: officer.subject,
    });
    tx.persist(subscriber);
    return subscriber;
  });
}

function optOut(subscriber: Subscriber, channel: ConsentChannel, now: Date): void {
  subscriber.status = SubscriptionStatus.OPTED_OUT;
  subscriber.optedOutAt = now;
  subscriber.optOutChannel = channel;
}

/** A resident withdrew consent at the desk, by phone or on Zalo (OFFICER of the commune). Opting out twice is a CONFLICT. */
export async function optOutSubscriber(em: EntityManager, viewer: Viewer | null, input: { subscriberId: string; channel: ConsentChannel }, now: Date): Promise<Subscriber> {
  const subscriber = await em.findOne(Subscriber, { id: input.subscriberId });
  if (!subscriber) throw notFound(`No subscriber has id "${input.subscriberId}": list them with Commune.subscribers.`, { field: 'input.subscriberId' });
  requireOfficerOf(viewer, subscriber.communeId, 'record opt-outs');
  if (input.channel === ConsentChannel.OPT_OUT_CODE) throw invalidInput('OPT_OUT_CODE is the public opt-out (optOutOfAnnouncements): give where the resident asked.', 'input.channel');
  if (subscriber.status === SubscriptionStatus.OPTED_OUT) throw conflict('This subscriber has already opted out.', { field: 'input.subscriberId' });
  await em.transactional(async (tx) => {
    optOut(tx.merge(subscriber), input.channel, now);
  });
  return subscriber;
}

/**
 * The public opt-out: anyone holding the code printed under an announcement stops that
 * subscription. No token needed; an unknown code is NOT_FOUND and tells nothing about anyone.
 * Repeating it is harmless (true again).
 */
export async function optOutByCode(em: EntityManager, code: string, now: Date): Promise<void> {
  const optOutCode = checkOptOutCode(code);
  await em.transactional(async (tx) => {
    const subscriber = await tx.findOne(Subscriber, { optOutCode });
    if (!subscriber) throw notFound('No subscription has this opt-out code: check the code under the message.', { field: 'input.code' });
    if (subscriber.status === SubscriptionStatus.SUBSCRIBED) optOut(subscriber, ConsentChannel.OPT_OUT_CODE, now);
  });
}
