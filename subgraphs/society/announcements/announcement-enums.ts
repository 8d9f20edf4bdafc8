/** How a subscriber receives announcements: a code of the messaging registry (connectors/messaging/registry.ts). */
export enum SubscriberChannel {
  SMS = 'SMS',
  ZALO = 'ZALO',
}

export enum SubscriptionStatus {
  SUBSCRIBED = 'SUBSCRIBED',
  OPTED_OUT = 'OPTED_OUT',
}

/** Where a subscriber gave or withdrew consent. */
export enum ConsentChannel {
  /** At the commune's one-stop desk or a village meeting, signed on paper. */
  IN_PERSON = 'IN_PERSON',
  /** Through the commune's web portal. */
  PORTAL = 'PORTAL',
  /** By SMS (e.g. a STOP reply). */
  SMS = 'SMS',
  /** Through the commune's Zalo Official Account. */
  ZALO = 'ZALO',
  /** The opt-out link or code printed under every announcement. */
  OPT_OUT_CODE = 'OPT_OUT_CODE',
}

export enum AudienceKind {
  EVERYONE = 'EVERYONE',
  VILLAGES = 'VILLAGES',
  GROUPS = 'GROUPS',
}

export enum AnnouncementStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
}

/** Where one recipient's message is. */
export enum DeliveryStatus {
  /** Waiting for its (next) attempt. */
  QUEUED = 'QUEUED',
  /** An attempt is in flight (or its worker stopped mid-call: it is sent again with the same message id). */
  SENDING = 'SENDING',
  /** The channel accepted it; its delivery report has not come yet. */
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  /** Refused by the channel, undeliverable, or out of attempts (`lastError` says which). */
  FAILED = 'FAILED',
  /** The subscriber opted out before it went out: never sent. */
  CANCELLED = 'CANCELLED',
}

/** The radio bulletin an emergency announcement schedules on the devices subgraph. */
export enum RadioRelayStatus {
  /** Not an emergency: no bulletin. */
  NONE = 'NONE',
  QUEUED = 'QUEUED',
  SCHEDULED = 'SCHEDULED',
  /** Devices refused it (`lastError`), or it could not be reached within the attempts. */
  FAILED = 'FAILED',
  /** The call timed out after it was sent: devices may have scheduled it; look at Commune.broadcasts before scheduling it by hand. */
  UNKNOWN = 'UNKNOWN',
}
