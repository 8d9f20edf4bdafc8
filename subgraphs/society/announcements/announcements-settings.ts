/**
 * The citizen channel's settings (`config.get(announcementSettings)`); the channels' own variables
 * (`SMS_BASE_URL`, `ZALO_ACCESS_TOKEN`, ...) are connectors/messaging/settings.ts.
 */
import { z } from 'zod';
import { defineConfigSection } from '../../../core/config.js';

export interface AnnouncementSettings {
  /** How often an idle delivery worker looks for due work (ms). */
  pollMs: number;
  /** Deliveries (and radio jobs) claimed per round. */
  batch: number;
  /** How long a claim holds before another worker may take the delivery (ms). */
  leaseMs: number;
  /** Calls to a channel per delivery before it is FAILED. */
  maxAttempts: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  /** Wait between delivery-report look-ups of a SENT message (ms). */
  reportPollMs: number;
  /** Look-ups before the worker stops asking (the message stays SENT). */
  maxReportChecks: number;
  /** Printed under every message, followed by the subscriber's opt-out code. */
  optOutUrl: string;
  /** Length of the radio bulletin an emergency announcement schedules (s). */
  radioSeconds: number;
  /** The devices subgraph's /graphql (default: DEVICES_URL, else 127.0.0.1 on DEVICES_PORT). */
  devicesUrl?: string;
}

export const announcementSettings = defineConfigSection(
  'announcements',
  {
    ANNOUNCEMENTS_POLL_MS: z.coerce.number().int().min(10).default(1000),
    ANNOUNCEMENTS_BATCH: z.coerce.number().int().min(1).max(1000).default(50),
    ANNOUNCEMENTS_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
    ANNOUNCEMENTS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    ANNOUNCEMENTS_MIN_BACKOFF_MS: z.coerce.number().int().min(0).default(2000),
    ANNOUNCEMENTS_MAX_BACKOFF_MS: z.coerce.number().int().min(0).default(10 * 60_000),
    ANNOUNCEMENTS_REPORT_POLL_MS: z.coerce.number().int().min(10).default(30_000),
    ANNOUNCEMENTS_MAX_REPORT_CHECKS: z.coerce.number().int().min(1).default(48),
    ANNOUNCEMENTS_OPT_OUT_URL: z.string().url().max(60, 'must be at most 60 characters: it goes under every SMS').default('https://xa.gov.vn/tb?ma='),
    ANNOUNCEMENTS_RADIO_SECONDS: z.coerce.number().int().min(1).max(7200).default(300),
    ANNOUNCEMENTS_DEVICES_URL: z.string().url().optional(),
  },
  (v): AnnouncementSettings => ({
    pollMs: v.ANNOUNCEMENTS_POLL_MS,
    batch: v.ANNOUNCEMENTS_BATCH,
    leaseMs: v.ANNOUNCEMENTS_LEASE_MS,
    maxAttempts: v.ANNOUNCEMENTS_MAX_ATTEMPTS,
    minBackoffMs: v.ANNOUNCEMENTS_MIN_BACKOFF_MS,
    maxBackoffMs: v.ANNOUNCEMENTS_MAX_BACKOFF_MS,
    reportPollMs: v.ANNOUNCEMENTS_REPORT_POLL_MS,
    maxReportChecks: v.ANNOUNCEMENTS_MAX_REPORT_CHECKS,
    optOutUrl: v.ANNOUNCEMENTS_OPT_OUT_URL,
    radioSeconds: v.ANNOUNCEMENTS_RADIO_SECONDS,
    devicesUrl: v.ANNOUNCEMENTS_DEVICES_URL,
  }),
);
