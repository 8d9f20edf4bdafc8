/**
 * The Zalo OA adapter: the messaging contract over the assumed API (README.md). HTTP-level failures
 * (no connection, 429, 5xx, timeouts) are classified by the shared HTTP layer; Zalo-style error codes
 * inside an HTTP 200 are classified here. It retries nothing itself: that is the delivery queue's job.
 */
import type { AxiosRequestConfig } from 'axios';
import { createHttpClient, failureFromResponse, isSuccess, malformedResponse, send, type CallContext, type HttpClient } from '../marketplace/http.js';
import { ConnectorError, toWirePhone, withoutPhoneNumbers, type ChannelMessage, type MessagingChannel, type OutgoingMessage } from '../messaging/contract.js';
import { ZALO_ERRORS, ZALO_SEND_PATH, ZALO_STATUS_PATH, zaloEnvelopeSchema, zaloMessageSchema, type ZaloMessage, type ZaloSendRequest } from './wire.js';

export interface ZaloSettings {
  /** The OA API (assumed https://openapi.zalo.example) or the sandbox's http://127.0.0.1:4112. */
  baseUrl: string;
  /** The OA's access token (Zalo issues it per OA and app; refreshing it is outside this adapter). */
  accessToken: string;
  timeoutMs: number;
}

/** An application error code → what the delivery queue may do with it. */
function kindOf(code: number): ConnectorError['kind'] {
  if (code === ZALO_ERRORS.INVALID_TOKEN) return 'AUTH';
  if (code === ZALO_ERRORS.QUOTA_EXCEEDED) return 'RATE_LIMITED';
  if (code === ZALO_ERRORS.NOT_FOUND) return 'NOT_FOUND';
  if (code === ZALO_ERRORS.INVALID_PHONE || code === ZALO_ERRORS.USER_NOT_REACHABLE || code === ZALO_ERRORS.INVALID_TEXT) return 'REJECTED';
  // Unknown negative codes: assumed to be the platform's own trouble, so nothing was sent.
  return 'TRANSIENT';
}

export class ZaloChannel implements MessagingChannel {
  readonly channel = 'ZALO' as const;
  private readonly http: HttpClient;

  constructor(private readonly settings: ZaloSettings) {
    this.http = createHttpClient({ baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, maxSockets: 8 });
  }

  async send(message: OutgoingMessage): Promise<ChannelMessage> {
    const body: ZaloSendRequest = { phone: toWirePhone(message.phone), text: message.text, tracking_id: message.clientMessageId };
    return (await this.call({ marketplace: 'ZALO', operation: 'send', write: true }, { method: 'POST', url: ZALO_SEND_PATH, data: body }))!;
  }

  async status(clientMessageId: string): Promise<ChannelMessage | null> {
    return this.call({ marketplace: 'ZALO', operation: 'status', write: false }, { method: 'GET', url: ZALO_STATUS_PATH, params: { tracking_id: clientMessageId } });
  }

  private async call(context: CallContext, config: AxiosRequestConfig): Promise<ChannelMessage | null> {
    const response = await send(this.http, { ...config, headers: { access_token: this.settings.accessToken } }, context);
    if (!isSuccess(response)) throw scrubbed(failureFromResponse(response, context));
    const envelope = zaloEnvelopeSchema.safeParse(response.data);
    if (!envelope.success) throw malformedResponse(context, 'no error code', response);
    const { error, message } = envelope.data;
    if (error !== ZALO_ERRORS.OK) {
      const kind = kindOf(error);
      if (kind === 'NOT_FOUND' && !context.write) return null;
      const detail = withoutPhoneNumbers(message ?? 'no message');
      throw new ConnectorError(kind, `ZALO ${context.operation}: error ${error} ${detail}`, { status: response.status, marketplaceCode: String(error) });
    }
    const parsed = zaloMessageSchema.safeParse(envelope.data.data);
    if (!parsed.success) throw malformedResponse(context, parsed.error.issues[0]?.message ?? 'bad shape', response);
    return fromZalo(parsed.data);
  }
}

function fromZalo(message: ZaloMessage): ChannelMessage {
  const status = message.status === 'delivered' ? 'DELIVERED' : message.status === 'failed' ? 'FAILED' : 'ACCEPTED';
  return {
    clientMessageId: message.tracking_id,
    providerMessageId: message.msg_id,
    status,
    ...(status === 'FAILED' ? { failureReason: message.fail_reason ?? 'FAILED' } : {}),
  };
}

function scrubbed(error: ConnectorError): ConnectorError {
  return new ConnectorError(error.kind, withoutPhoneNumbers(error.message), error.details);
}
