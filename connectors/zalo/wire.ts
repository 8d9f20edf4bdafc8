/**
 * The Zalo Official Account–style API's assumed wire format (README.md). Like Zalo's own APIs it
 * answers application errors with HTTP 200 and a non-zero `error` code in the body, so the adapter
 * classifies those codes itself (./adapter.ts). Nothing here does I/O.
 */
import { z } from 'zod';

export const ZALO_SEND_PATH = '/v2/oa/message/send';
export const ZALO_STATUS_PATH = '/v2/oa/message/status';

/** The assumed error codes (modelled on Zalo's documented negative codes). */
export const ZALO_ERRORS = {
  OK: 0,
  /** The access token is missing, wrong or expired. */
  INVALID_TOKEN: -124,
  /** The phone is not a valid number. */
  INVALID_PHONE: -108,
  /** The phone has no Zalo account, or has not followed/allowed the OA. */
  USER_NOT_REACHABLE: -118,
  /** The text is empty or too long. */
  INVALID_TEXT: -109,
  /** The OA's quota per second or per day is spent; retry later. */
  QUOTA_EXCEEDED: -32,
  /** No message has this tracking_id (status look-ups). */
  NOT_FOUND: -201,
} as const;

export const ZALO_MAX_CHARS = 2000;

export interface ZaloSendRequest {
  /** International digits without "+": "84912345678". */
  phone: string;
  text: string;
  /** The hub's message id: a repeat with the same tracking_id returns the first message (assumed). */
  tracking_id: string;
}

export const zaloEnvelopeSchema = z.object({ error: z.number().int(), message: z.string().optional(), data: z.unknown().optional() });

export const zaloMessageSchema = z.object({
  msg_id: z.string().min(1),
  tracking_id: z.string().min(1),
  status: z.enum(['sent', 'delivered', 'failed']),
  fail_reason: z.string().nullish(),
});
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;
