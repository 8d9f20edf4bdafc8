/**
 * What a messaging sandbox remembers: every message it accepted, by the client's message id (a
 * repeat of an id returns the first message and sends nothing), and when and how each one is
 * delivered. A message is ACCEPTED until `deliveryDelayMs` has passed, then DELIVERED, or FAILED
 * when its phone is one the sandbox was told is unreachable (a handset switched off, a number with
 * no Zalo account): the delivery report that arrives later, read by polling.
 */
import { randomUUID } from 'node:crypto';

export interface BookedMessage {
  clientMessageId: string;
  providerMessageId: string;
  phone: string;
  text: string;
  acceptedAt: number;
  /** How many times the client sent this id (1 = once; more = retries the sandbox did not send again). */
  requests: number;
}

export type BookStatus = { status: 'ACCEPTED' | 'DELIVERED' } | { status: 'FAILED'; reason: string };

export class MessageBook {
  private readonly byClientId = new Map<string, BookedMessage>();
  private readonly unreachable = new Set<string>();

  constructor(
    /** How long after acceptance the delivery report says DELIVERED (or FAILED). */
    public deliveryDelayMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Accepts a message; `repeated` when the id was seen before (nothing new is sent). */
  accept(clientMessageId: string, phone: string, text: string): { message: BookedMessage; repeated: boolean } {
    const known = this.byClientId.get(clientMessageId);
    if (known) {
      known.requests += 1;
      return { message: known, repeated: true };
    }
    const message = { clientMessageId, providerMessageId: randomUUID(), phone, text, acceptedAt: this.now(), requests: 1 };
    this.byClientId.set(clientMessageId, message);
    return { message, repeated: false };
  }

  find(clientMessageId: string): BookedMessage | undefined {
    return this.byClientId.get(clientMessageId);
  }

  statusOf(message: BookedMessage): BookStatus {
    if (this.now() < message.acceptedAt + this.deliveryDelayMs) return { status: 'ACCEPTED' };
    return this.unreachable.has(message.phone) ? { status: 'FAILED', reason: 'UNREACHABLE' } : { status: 'DELIVERED' };
  }

  /** Phones whose messages fail at delivery from now on (tests, demos). */
  setUnreachable(phones: string[]): void {
    for (const phone of phones) this.unreachable.add(phone);
  }

  /** Every message sent (one per client id), oldest first. */
  messages(): BookedMessage[] {
    return [...this.byClientId.values()];
  }

  /** Messages per phone: more than one for the same text would be a double SMS. */
  countByPhone(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.byClientId.values()) counts.set(m.phone, (counts.get(m.phone) ?? 0) + 1);
    return counts;
  }
}
