/**
 * The SMS brandname adapter: the messaging contract over the gateway's assumed API (README.md). It
 * retries nothing itself: retrying is the delivery queue's job, and every failure leaves here as a
 * ConnectorError whose kind (connectors/marketplace/http.ts) says what the queue may do.
 */
import type { AxiosRequestConfig } from 'axios';
import { createHttpClient, failureFromResponse, isSuccess, malformedResponse, send, type CallContext, type HttpClient } from '../marketplace/http.js';
import { ConnectorError, toWirePhone, withoutPhoneNumbers, type ChannelMessage, type MessagingChannel, type OutgoingMessage } from '../messaging/contract.js';
import { SMS_SEND_PATH, smsMessagePath, smsMessageSchema, type SmsMessage, type SmsSendRequest } from './wire.js';

export interface SmsSettings {
  /** The gateway's API (assumed https://api.sms-gateway.example) or the sandbox's http://127.0.0.1:4111. */
  baseUrl: string;
  apiKey: string;
  /** The registered sender name the handset shows, e.g. "UBND XA". */
  brandname: string;
  timeoutMs: number;
}

export class SmsChannel implements MessagingChannel {
  readonly channel = 'SMS' as const;
  private readonly http: HttpClient;

  constructor(private readonly settings: SmsSettings) {
    this.http = createHttpClient({ baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, maxSockets: 8 });
  }

  async send(message: OutgoingMessage): Promise<ChannelMessage> {
    const body: SmsSendRequest = { brandname: this.settings.brandname, phone: toWirePhone(message.phone), message: message.text, client_msg_id: message.clientMessageId };
    const found = await this.call({ marketplace: 'SMS', operation: 'send', write: true }, { method: 'POST', url: SMS_SEND_PATH, data: body });
    return found!;
  }

  async status(clientMessageId: string): Promise<ChannelMessage | null> {
    return this.call({ marketplace: 'SMS', operation: 'status', write: false }, { method: 'GET', url: smsMessagePath(clientMessageId) });
  }

  private async call(context: CallContext, config: AxiosRequestConfig): Promise<ChannelMessage | null> {
    const response = await send(this.http, { ...config, headers: { authorization: `Bearer ${this.settings.apiKey}` } }, context);
    if (!isSuccess(response)) {
      if (response.status === 404 && !context.write) return null;
      throw scrubbed(failureFromResponse(response, context));
    }
    const parsed = smsMessageSchema.safeParse(response.data);
    if (!parsed.success) throw malformedResponse(context, parsed.error.issues[0]?.message ?? 'bad shape', response);
    return fromSms(parsed.data);
  }
}

function fromSms(message: SmsMessage): ChannelMessage {
  return {
    clientMessageId: message.client_msg_id,
    providerMessageId: message.msg_id,
    status: message.status,
    ...(message.status === 'FAILED' ? { failureReason: message.error_code ?? 'FAILED' } : {}),
  };
}

/** A provider's error text may quote the number it refused. */
function scrubbed(error: ConnectorError): ConnectorError {
  return new ConnectorError(error.kind, withoutPhoneNumbers(error.message), error.details);
}
