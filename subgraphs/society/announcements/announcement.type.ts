import { PART_OF_PARENT } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import { AnnouncementStatus, AudienceKind, ConsentChannel, DeliveryStatus, RadioRelayStatus, SubscriberChannel, SubscriptionStatus } from './announcement-enums.js';

registerEnumType(SubscriberChannel, {
  name: 'MessagingChannel',
  description: 'How a subscriber receives announcements (a channel of connectors/messaging).',
  valuesConfig: { SMS: { description: 'SMS from the commune\'s brandname.' }, ZALO: { description: 'A message from the commune\'s Zalo Official Account.' } },
});
registerEnumType(SubscriptionStatus, {
  name: 'SubscriptionStatus',
  description: 'Whether a subscriber receives announcements.',
  valuesConfig: { SUBSCRIBED: { description: 'Receives them.' }, OPTED_OUT: { description: 'Withdrew consent: never sent anything again.' } },
});
registerEnumType(ConsentChannel, {
  name: 'ConsentChannel',
  description: 'Where consent was given or withdrawn.',
  valuesConfig: {
    IN_PERSON: { description: 'At the one-stop desk or a village meeting, on paper.' },
    PORTAL: { description: 'The commune\'s web portal.' },
    SMS: { description: 'By SMS.' },
    ZALO: { description: 'Through the commune\'s Zalo Official Account.' },
    OPT_OUT_CODE: { description: 'The opt-out code printed under every announcement (withdrawal only).' },
  },
});
registerEnumType(AudienceKind, {
  name: 'AudienceKind',
  description: 'Who an announcement is for.',
  valuesConfig: { EVERYONE: { description: 'Every subscriber of the commune.' }, VILLAGES: { description: 'Subscribers living in the villages (thôn, xóm) listed.' }, GROUPS: { description: 'Subscribers in any of the groups listed.' } },
});
registerEnumType(AnnouncementStatus, {
  name: 'AnnouncementStatus',
  description: 'Whether an announcement went out.',
  valuesConfig: { DRAFT: { description: 'Drafted; the commune\'s officers only.' }, SENT: { description: 'Sent: deliveries queued; public.' } },
});
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where one recipient\'s message is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for its (next) attempt.' },
    SENDING: { description: 'An attempt is in flight.' },
    SENT: { description: 'Accepted by the channel; no delivery report yet.' },
    DELIVERED: { description: 'Delivered to the handset or app.' },
    FAILED: { description: 'Refused, undeliverable, or out of attempts (lastError says which).' },
    CANCELLED: { description: 'The subscriber opted out before it went out: never sent.' },
  },
});
registerEnumType(RadioRelayStatus, {
  name: 'RadioRelayStatus',
  description: 'The radio bulletin an emergency announcement schedules on the commune\'s loudspeakers (devices subgraph).',
  valuesConfig: {
    NONE: { description: 'Not an emergency: no bulletin.' },
    QUEUED: { description: 'Waiting to be scheduled (retried while devices cannot be reached).' },
    SCHEDULED: { description: 'Scheduled: `broadcastId` is the devices Broadcast.id.' },
    FAILED: { description: 'Devices refused it, or could not be reached within the attempts.' },
    UNKNOWN: { description: 'The call timed out after it was sent: look at Commune.broadcasts before scheduling it by hand.' },
  },
});

@ObjectType('AnnouncementSubscriber', { description: 'A resident receiving the commune\'s announcements (the commune\'s officers only). The phone is shown masked.' })
export class SubscriberType {
  @Field(() => ID, { description: 'Subscriber id.' })
  id!: string;

  @Field(() => String, { description: 'The phone, masked: first three and last two digits ("091•••••78").' })
  maskedPhone!: string;

  @Field(() => String, { nullable: true, description: 'Village (thôn, xóm); null if not given.' })
  village?: string | null;

  @Field(() => [String], { description: 'Groups, folded (lower case, no diacritics).' })
  groups!: string[];

  @Field(() => SubscriberChannel, { description: 'SMS or ZALO.' })
  channel!: SubscriberChannel;

  @Field(() => SubscriptionStatus, { description: 'SUBSCRIBED or OPTED_OUT.' })
  status!: SubscriptionStatus;

  @Field(() => DateTimeScalar, { description: 'When the resident agreed.' })
  consentAt!: Date;

  @Field(() => ConsentChannel, { description: 'Where the resident agreed.' })
  consentChannel!: ConsentChannel;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When consent was withdrawn; null while subscribed.' })
  optedOutAt?: Date | null;

  @Field(() => ConsentChannel, { nullable: true, description: 'Where consent was withdrawn; null while subscribed.' })
  optOutChannel?: ConsentChannel | null;
}

@Directive(PART_OF_PARENT)
@ObjectType('AnnouncementAudience', { description: 'Who an announcement is for.' })
export class AudienceType {
  @Field(() => AudienceKind, { description: 'EVERYONE, VILLAGES or GROUPS.' })
  kind!: AudienceKind;

  @Field(() => [String], { description: 'The villages or groups named; empty for EVERYONE.' })
  names!: string[];
}

@Directive(PART_OF_PARENT)
@ObjectType('AnnouncementDeliveryStats', { description: 'Recipients of an announcement by delivery status (public counts).' })
export class DeliveryStatsType {
  @Field(() => Int, { description: 'Subscribers it was sent to.' })
  recipients!: number;

  @Field(() => Int, { description: 'QUEUED or SENDING.' })
  pending!: number;

  @Field(() => Int, { description: 'SENT: accepted by the channel, no report yet.' })
  sent!: number;

  @Field(() => Int, { description: 'DELIVERED.' })
  delivered!: number;

  @Field(() => Int, { description: 'FAILED.' })
  failed!: number;

  @Field(() => Int, { description: 'CANCELLED: opted out before it went out.' })
  cancelled!: number;
}

@ObjectType('AnnouncementDelivery', { description: 'One recipient\'s message (the commune\'s officers only).' })
export class DeliveryType {
  @Field(() => ID, { description: 'Delivery id.' })
  id!: string;

  @Field(() => String, { description: 'The recipient\'s phone, masked.' })
  maskedPhone!: string;

  @Field(() => SubscriberChannel, { description: 'The channel it goes through.' })
  channel!: SubscriberChannel;

  @Field(() => DeliveryStatus, { description: 'QUEUED, SENDING, SENT, DELIVERED, FAILED or CANCELLED.' })
  status!: DeliveryStatus;

  @Field(() => Int, { description: 'Calls made to the channel to send it.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, or why it is FAILED (no phone number in it).' })
  lastError?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the channel accepted it.' })
  sentAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When its delivery report said delivered.' })
  deliveredAt?: Date | null;
}

@Directive(PART_OF_PARENT)
@ObjectType('AnnouncementRadio', { description: 'The radio bulletin of an emergency announcement.' })
export class RadioRelayType {
  @Field(() => RadioRelayStatus, { description: 'NONE, QUEUED, SCHEDULED, FAILED or UNKNOWN.' })
  status!: RadioRelayStatus;

  @Field(() => ID, { nullable: true, description: 'The devices subgraph\'s Broadcast.id once SCHEDULED.' })
  broadcastId?: string | null;

  @Field(() => Int, { description: 'Calls made to the devices subgraph.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last call failed.' })
  lastError?: string | null;
}

@Directive(PART_OF_PARENT)
@ObjectType('Announcement', { description: 'An announcement from the commune to its subscribers (SMS, Zalo); an emergency one also goes on the radio.' })
export class AnnouncementType {
  @Field(() => ID, { description: 'Announcement id.' })
  id!: string;

  @Field(() => String, { description: 'Title, 1 to 120 characters.' })
  title!: string;

  @Field(() => String, { description: 'Text, 1 to 400 characters (one SMS of up to 4 segments with the opt-out line).' })
  body!: string;

  @Field(() => Boolean, { description: 'True: also scheduled as an EMERGENCY bulletin on the commune\'s radio clusters.' })
  emergency!: boolean;

  @Field(() => AnnouncementStatus, { description: 'DRAFT or SENT.' })
  status!: AnnouncementStatus;

  @Field(() => DateTimeScalar, { description: 'When it was drafted.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was sent; null for a draft.' })
  sentAt?: Date | null;
}

export const { ConnectionType: AnnouncementConnection } = connectionTypes(AnnouncementType, 'Announcement', 'announcement');
export const { ConnectionType: SubscriberConnection } = connectionTypes(SubscriberType, 'AnnouncementSubscriber', 'subscriber');

@Directive(PART_OF_PARENT)
@ObjectType('AnnouncementStats', { description: 'The commune\'s announcements sent in a year and how they reached people (public).' })
export class AnnouncementStatsType {
  @Field(() => Int, { description: 'Announcements sent in the year (Asia/Ho_Chi_Minh).' })
  announcements!: number;

  @Field(() => Int, { description: 'Of them, emergencies.' })
  emergencies!: number;

  @Field(() => Int, { description: 'Messages queued for them (one per recipient).' })
  messages!: number;

  @Field(() => Int, { description: 'Messages DELIVERED.' })
  delivered!: number;

  @Field(() => Number, { nullable: true, description: 'delivered ÷ messages; null with no message.' })
  deliveredShare?: number | null;
}

@ObjectType('AnnouncementSubscriberStats', { description: 'Subscribers of the commune (the commune\'s officers only).' })
export class SubscriberStatsType {
  @Field(() => Int, { description: 'SUBSCRIBED now.' })
  subscribed!: number;

  @Field(() => Int, { description: 'OPTED_OUT.' })
  optedOut!: number;

  @Field(() => Int, { description: 'SUBSCRIBED on SMS.' })
  sms!: number;

  @Field(() => Int, { description: 'SUBSCRIBED on Zalo.' })
  zalo!: number;
}

@InputType({ description: 'A resident\'s opt-in, recorded by an officer of the commune who took the consent.' })
export class SubscribeInput {
  @Field(() => ID, { description: 'Commune.id.' })
  communeId!: string;

  @Field(() => String, { description: 'The phone: Vietnamese ("0912 345 678", "+84 912 345 678") or foreign with +.' })
  phone!: string;

  @Field(() => String, { nullable: true, description: 'Village (thôn, xóm), 1 to 100 characters.' })
  village?: string | null;

  @Field(() => [String], { nullable: true, description: 'Groups (farmers\' association, village heads, ...), up to 10 of 1 to 50 characters.' })
  groups?: string[] | null;

  @Field(() => SubscriberChannel, { description: 'SMS or ZALO.' })
  channel!: SubscriberChannel;

  @Field(() => ConsentChannel, { description: 'Where the resident agreed (not OPT_OUT_CODE).' })
  consentChannel!: ConsentChannel;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the resident agreed; default now; not in the future.' })
  consentAt?: Date | null;
}

@InputType({ description: 'A withdrawal recorded by an officer.' })
export class OptOutSubscriberInput {
  @Field(() => ID, { description: 'AnnouncementSubscriber.id.' })
  subscriberId!: string;

  @Field(() => ConsentChannel, { description: 'Where the resident asked (not OPT_OUT_CODE).' })
  channel!: ConsentChannel;
}

@InputType({ description: 'The public opt-out.' })
export class OptOutByCodeInput {
  @Field(() => String, { description: 'The 10-character code printed under every announcement.' })
  code!: string;
}

@InputType({ description: 'A draft announcement.' })
export class DraftAnnouncementInput {
  @Field(() => ID, { description: 'Commune.id.' })
  communeId!: string;

  @Field(() => String, { description: 'Title, 1 to 120 characters.' })
  title!: string;

  @Field(() => String, { description: 'Text, 1 to 400 characters.' })
  body!: string;

  @Field(() => AudienceKind, { description: 'EVERYONE, VILLAGES or GROUPS.' })
  audienceKind!: AudienceKind;

  @Field(() => [String], { nullable: true, description: 'The villages or groups (1 to 50); leave out for EVERYONE.' })
  audience?: string[] | null;

  @Field(() => Boolean, { defaultValue: false, description: 'True: also schedule an EMERGENCY radio bulletin when sent.' })
  emergency!: boolean;
}

@InputType({ description: 'Which draft to send.' })
export class SendAnnouncementInput {
  @Field(() => ID, { description: 'Announcement.id of a DRAFT.' })
  announcementId!: string;
}

@ObjectType({ description: 'The subscriber recorded or changed.' })
export class SubscriberPayload {
  @Field(() => SubscriberType, { description: 'The subscriber.' })
  subscriber!: SubscriberType;
}

@ObjectType({ description: 'The announcement drafted or sent.' })
export class AnnouncementPayload {
  @Field(() => AnnouncementType, { description: 'The announcement.' })
  announcement!: AnnouncementType;
}

@ObjectType({ description: 'The public opt-out\'s answer.' })
export class OptOutPayload {
  @Field(() => Boolean, { description: 'True: nothing more will be sent to this subscription.' })
  optedOut!: boolean;
}
