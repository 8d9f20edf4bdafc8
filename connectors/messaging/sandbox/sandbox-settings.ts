/**
 * How the messaging sandboxes run by hand (../run-sandboxes.ts): ports (where the channels point by
 * default), how long until a delivery report is ready, and random faults.
 */
import { z } from 'zod';
import { defineConfigSection } from '../../../core/config.js';

const rate = z.coerce.number().min(0).max(1);

export const messagingSandboxSettings = defineConfigSection(
  'messaging sandboxes',
  {
    SMS_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4111),
    ZALO_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4112),
    MESSAGING_SANDBOX_DELIVERY_MS: z.coerce.number().int().min(0).default(2000),
    MESSAGING_SANDBOX_ERROR_RATE: rate.default(0),
    MESSAGING_SANDBOX_DROP_RATE: rate.default(0),
    MESSAGING_SANDBOX_RPS: z.coerce.number().min(0).default(0),
  },
  (v) => ({
    ports: { SMS: v.SMS_SANDBOX_PORT, ZALO: v.ZALO_SANDBOX_PORT },
    deliveryDelayMs: v.MESSAGING_SANDBOX_DELIVERY_MS,
    faults: { errorRate: v.MESSAGING_SANDBOX_ERROR_RATE, dropRate: v.MESSAGING_SANDBOX_DROP_RATE, requestsPerSecond: v.MESSAGING_SANDBOX_RPS },
  }),
);
