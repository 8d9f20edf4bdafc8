import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from '../../../core/logger.js';
import { ConnectorError, withoutPhoneNumbers, type MessagingChannel } from '../../../connectors/messaging/contract.js';
import { AnnouncementDelivery } from './announcement-delivery.entity.js';
import { DeliveryStatus, RadioRelayStatus, SubscriptionStatus } from './announcement-enums.js';
import { Announcement } from './announcement.entity.js';
import { messageText } from './announcement.rules.js';
import type { AnnouncementSettings } from './announcements-settings.js';
import { nextStep, type FailureKind } from './delivery.rules.js';
import { DeliveryQueue, type ClaimedDelivery } from './delivery-queue.store.js';
import type { RadioRelay } from './radio-relay.js';
import { Subscriber } from './subscriber.entity.js';

/** A SENT message whose reports stopped being asked for: never claimed again. */
const NEVER = Number.MAX_SAFE_INTEGER;

export interface RoundResult {
  sent: number;
  delivered: number;
  failed: number;
  retried: number;
  radio: number;
}

/**
 * The delivery worker: claims due deliveries, sends each through its subscriber's channel (or looks
 * up its delivery report once SENT), and settles it; claims due radio jobs and schedules them on
 * devices. Several may run against one database (claims are atomic). It logs ids and statuses, never
 * a phone number or a message text.
 */
export class DeliveryWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly queue: DeliveryQueue;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly channels: Readonly<Record<string, MessagingChannel>>,
    private readonly radio: RadioRelay | null,
    private readonly settings: AnnouncementSettings,
    private readonly logger: Logger,
    private readonly random: () => number = Math.random,
  ) {
    this.queue = new DeliveryQueue(orm);
  }

  /** Polls every `pollMs` until stopped. */
  start(): this {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.round()
        .catch((error: unknown) => this.logger.error({ err: error }, 'announcement delivery round failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.settings.pollMs);
        });
    };
    tick();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over what is due now (tests drive the worker with this). */
  async round(now = Date.now()): Promise<RoundResult> {
    const result: RoundResult = { sent: 0, delivered: 0, failed: 0, retried: 0, radio: 0 };
    const claimed = await this.queue.claimDeliveries(this.id, this.settings.batch, this.settings.leaseMs, now);
    await Promise.all(claimed.map((c) => this.work(c, result)));
    for (const id of await this.queue.claimRadio(this.settings.batch, this.settings.leaseMs, now)) {
      await this.relay(id);
      result.radio += 1;
    }
    return result;
  }

  private async work(claim: ClaimedDelivery, result: RoundResult): Promise<void> {
    const em = this.orm.em.fork();
    const delivery = await em.findOneOrFail(AnnouncementDelivery, { id: claim.id });
    try {
      if (claim.status === DeliveryStatus.SENT) await this.checkReport(delivery, result);
      else await this.send(em, delivery, result);
    } catch (error) {
      this.logger.error({ err: error, deliveryId: delivery.id }, 'announcement delivery could not be settled; its claim will expire');
    }
  }

  private async send(em: ReturnType<MikroORM['em']['fork']>, delivery: AnnouncementDelivery, result: RoundResult): Promise<void> {
    const [subscriber, announcement] = await Promise.all([em.findOneOrFail(Subscriber, { id: delivery.subscriberId }), em.findOneOrFail(Announcement, { id: delivery.announcementId })]);
    if (subscriber.status !== SubscriptionStatus.SUBSCRIBED) {
      // Opted out after the announcement was sent: the message never goes out.
      await this.settle(delivery, { status: DeliveryStatus.CANCELLED, runAfter: NEVER, lastError: 'opted out before delivery' });
      return;
    }
    const channel = this.channels[delivery.channel];
    const attempts = delivery.attempts + 1;
    if (!channel) {
      await this.settle(delivery, { status: DeliveryStatus.FAILED, runAfter: NEVER, attempts, lastError: `no ${delivery.channel} channel is configured` });
      result.failed += 1;
      return;
    }
    try {
      const message = await channel.send({ clientMessageId: delivery.clientMessageId, phone: subscriber.phone, text: messageText(announcement, subscriber.optOutCode, this.settings.optOutUrl) });
      const now = new Date();
      if (message.status === 'FAILED') {
        await this.settle(delivery, { status: DeliveryStatus.FAILED, runAfter: NEVER, attempts, providerMessageId: message.providerMessageId, lastError: withoutPhoneNumbers(`undeliverable: ${message.failureReason ?? 'FAILED'}`) });
        result.failed += 1;
        return;
      }
      const delivered = message.status === 'DELIVERED';
      await this.settle(delivery, {
        status: delivered ? DeliveryStatus.DELIVERED : DeliveryStatus.SENT,
        runAfter: delivered ? NEVER : now.getTime() + this.settings.reportPollMs,
        attempts,
        providerMessageId: message.providerMessageId,
        sentAt: now,
        ...(delivered ? { deliveredAt: now } : {}),
        lastError: null,
      });
      result.sent += 1;
      if (delivered) result.delivered += 1;
    } catch (error) {
      const failure = asConnectorError(error);
      const step = nextStep(failure.kind as FailureKind, attempts, this.settings, this.random(), failure.details.retryAfterMs);
      const lastError = withoutPhoneNumbers(failure.message).slice(0, 500);
      if (step.retry) {
        await this.settle(delivery, { status: DeliveryStatus.QUEUED, runAfter: Date.now() + step.delayMs, attempts, lastError });
        result.retried += 1;
        this.logger.warn({ deliveryId: delivery.id, channel: delivery.channel, kind: failure.kind, attempts, retryInMs: step.delayMs }, 'announcement delivery failed; retrying');
      } else {
        await this.settle(delivery, { status: DeliveryStatus.FAILED, runAfter: NEVER, attempts, lastError: `${step.reason}: ${lastError}`.slice(0, 500) });
        result.failed += 1;
        this.logger.warn({ deliveryId: delivery.id, channel: delivery.channel, kind: failure.kind, attempts }, 'announcement delivery failed for good');
      }
    }
  }

  private async checkReport(delivery: AnnouncementDelivery, result: RoundResult): Promise<void> {
    const channel = this.channels[delivery.channel];
    const checks = delivery.reportChecks + 1;
    const again = checks >= this.settings.maxReportChecks ? NEVER : Date.now() + this.settings.reportPollMs;
    try {
      const report = channel ? await channel.status(delivery.clientMessageId) : null;
      if (report?.status === 'DELIVERED') {
        await this.settle(delivery, { status: DeliveryStatus.DELIVERED, runAfter: NEVER, reportChecks: checks, deliveredAt: new Date() });
        result.delivered += 1;
      } else if (report?.status === 'FAILED') {
        await this.settle(delivery, { status: DeliveryStatus.FAILED, runAfter: NEVER, reportChecks: checks, lastError: withoutPhoneNumbers(`undeliverable: ${report.failureReason ?? 'FAILED'}`) });
        result.failed += 1;
      } else {
        await this.settle(delivery, { status: DeliveryStatus.SENT, runAfter: again, reportChecks: checks });
      }
    } catch (error) {
      await this.settle(delivery, { status: DeliveryStatus.SENT, runAfter: again, reportChecks: checks, lastError: withoutPhoneNumbers(asConnectorError(error).message).slice(0, 500) });
    }
  }

  private async settle(delivery: AnnouncementDelivery, outcome: Parameters<DeliveryQueue['settleDelivery']>[2]): Promise<void> {
    if (!(await this.queue.settleDelivery(this.id, delivery.id, outcome))) {
      this.logger.warn({ deliveryId: delivery.id }, 'announcement delivery claim was lost before it was settled');
    }
  }

  private async relay(announcementId: string): Promise<void> {
    const announcement = await this.orm.em.fork().findOneOrFail(Announcement, { id: announcementId });
    const attempts = announcement.radioAttempts + 1;
    if (!this.radio) {
      await this.queue.settleRadio(announcementId, { status: RadioRelayStatus.FAILED, attempts, runAfter: null, lastError: 'no devices subgraph is configured' });
      return;
    }
    try {
      const broadcastId = await this.radio.schedule({
        communeId: announcement.communeId,
        title: announcement.title,
        content: `${announcement.title}. ${announcement.body}`,
        durationSeconds: this.settings.radioSeconds,
        officer: announcement.sentBy ?? announcement.createdBy,
      });
      await this.queue.settleRadio(announcementId, { status: RadioRelayStatus.SCHEDULED, attempts, runAfter: null, broadcastId });
      this.logger.info({ announcementId, broadcastId }, 'emergency announcement scheduled on the radio');
    } catch (error) {
      const failure = asConnectorError(error);
      const lastError = failure.message.slice(0, 500);
      // A repeat after an unknown outcome could play the bulletin twice: devices has no idempotency key.
      if (failure.kind === 'UNKNOWN_OUTCOME') {
        await this.queue.settleRadio(announcementId, { status: RadioRelayStatus.UNKNOWN, attempts, runAfter: null, lastError });
        this.logger.warn({ announcementId }, 'emergency bulletin outcome unknown; not repeated');
        return;
      }
      const step = nextStep(failure.kind as FailureKind, attempts, this.settings, this.random(), failure.details.retryAfterMs);
      await this.queue.settleRadio(announcementId, step.retry ? { status: RadioRelayStatus.QUEUED, attempts, runAfter: Date.now() + step.delayMs, lastError } : { status: RadioRelayStatus.FAILED, attempts, runAfter: null, lastError });
      this.logger.warn({ announcementId, kind: failure.kind, attempts, retry: step.retry }, 'emergency bulletin not scheduled');
    }
  }
}

function asConnectorError(error: unknown): ConnectorError {
  return error instanceof ConnectorError ? error : new ConnectorError('TRANSIENT', error instanceof Error ? error.message : String(error));
}
