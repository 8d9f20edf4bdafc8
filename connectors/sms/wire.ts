/**
 * The SMS brandname gateway's assumed wire format (README.md): what the adapter sends and reads, and
 * the checks of what comes back. Nothing here does I/O.
 */
import { z } from 'zod';

export const SMS_SEND_PATH = '/v1/sms/send';
export const smsMessagePath = (clientMessageId: string) => `/v1/sms/messages/${encodeURIComponent(clientMessageId)}`;

/** The longest message the gateway takes (assumed: 4 concatenated segments of 153 characters; it splits and bills per segment). */
export const SMS_MAX_CHARS = 612;

export interface SmsSendRequest {
  brandname: string;
  /** International digits without "+": "84912345678". */
  phone: string;
  message: string;
  client_msg_id: string;
}

export const smsMessageSchema = z.object({
  msg_id: z.string().min(1),
  client_msg_id: z.string().min(1),
  status: z.enum(['ACCEPTED', 'DELIVERED', 'FAILED']),
  error_code: z.string().nullish(),
});
export type SmsMessage = z.infer<typeof smsMessageSchema>;
