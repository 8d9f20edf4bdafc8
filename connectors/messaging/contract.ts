import { ConnectorError } from '../marketplace/contract.js';

export { ConnectorError };

/** One message to one recipient. `clientMessageId` is the hub's id for it: the channel keeps it, so a repeat is not a second message. */
export interface OutgoingMessage {
  clientMessageId: string;
  /** The recipient's phone in the hub's national form ("0912345678") or E.164 for a foreign one. */
  phone: string;
  text: string;
}

/** Where a message is at the channel: accepted (on its way), delivered to the handset or app, or failed there. */
export type ChannelMessageStatus = 'ACCEPTED' | 'DELIVERED' | 'FAILED';

export interface ChannelMessage {
  clientMessageId: string;
  /** The channel's own id for the message. */
  providerMessageId: string;
  status: ChannelMessageStatus;
  /** The channel's reason when FAILED (an error code, never the phone number). */
  failureReason?: string;
}

/**
 * A messaging channel (an SMS brandname gateway, a Zalo Official Account) as the hub uses it. Every
 * failure is a ConnectorError whose kind decides the delivery queue's next step (retry with backoff,
 * or FAILED): the same kinds as the marketplace connectors (connectors/marketplace/http.ts).
 */
export interface MessagingChannel {
  /** The adapter's code in ./registry.ts, e.g. "SMS". */
  readonly channel: string;
  /** Sends one message. Sending again with the same clientMessageId returns the first message (no second one). */
  send(message: OutgoingMessage): Promise<ChannelMessage>;
  /** The message's delivery report so far; null when the channel has no message with this id. */
  status(clientMessageId: string): Promise<ChannelMessage | null>;
  close?(): Promise<void>;
}

/** Provider messages may quote what they were given: runs of 8+ digits (phone numbers) never reach the hub's records or logs. */
export function withoutPhoneNumbers(text: string): string {
  return text.replace(/\+?\d[\d .-]{7,}\d/g, '[number]');
}

/** The hub's phone ("0912345678", "+33612345678") as both assumed contracts carry it: international digits without "+" ("84912345678"). */
export function toWirePhone(phone: string): string {
  return phone.startsWith('+') ? phone.slice(1) : `84${phone.slice(1)}`;
}
