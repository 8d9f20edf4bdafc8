import { parseOrderPaymentProviders } from '../reconciliation/order-payment.rules.js';
import { z } from 'zod';
import type { AnyMarketplaceAdapter } from '../../../connectors/marketplace/adapter.js';
import type { MarketplaceConnector } from '../../../connectors/marketplace/contract.js';
import { MARKETPLACE_ADAPTERS } from '../../../connectors/marketplace/registry.js';
import { defineConfigSection, type ConfigSection } from '../../../core/config.js';
import type { Marketplace } from '../catalogue/marketplace.js';
import type { ShopConnectors } from '../shops/shop-connector-pool.js';

/** The connectors the worker talks to, one per marketplace, and how to release them. */
export interface ConnectorSet {
  /** The marketplace-wide connectors: the order feeds, and listings of producers without a shop connection where the fallback is allowed. */
  connectors: Partial<Record<Marketplace, MarketplaceConnector>>;
  /** Each producer's own shop (shops/): when set, a listing is written through its producer's connection. */
  shops?: ShopConnectors;
  close?(): Promise<void>;
}

export interface SyncOptions {
  /** Jobs in flight at once per worker process. */
  concurrency: number;
  /** How often an idle worker looks for work. */
  pollMs: number;
  /** How long a claim holds before another worker may take the job (renewed while the job runs). */
  leaseMs: number;
  /**
   * Failed calls retried per job run before the listing shows FAILED; 429s do not use it up (they
   * are bounded by maxRetryTimeMs), but p-retry stops once it is spent, so it must be at least 1.
   */
  retries: number;
  /** First backoff delay; doubled on each retry, jittered ×1..2, capped at maxBackoffMs. */
  minBackoffMs: number;
  maxBackoffMs: number;
  /** A job run gives up after this long even while 429s keep it waiting. */
  maxRetryTimeMs: number;
  /** Wait used on a 429 without Retry-After. */
  defaultRetryAfterMs: number;
  /** How often a listing under marketplace review is checked. */
  reviewPollMs: number;
  /** Requests per second per marketplace and per worker process. */
  ratePerSecond: Partial<Record<string, number>> & { default: number };
  /** How long a FAILED listing waits before the worker queues it again by itself (retryListing does it at once). */
  failedRetryMs: number;
  /** How often an idle worker looks for FAILED listings due for their slow retry. */
  failedSweepMs: number;
  /** How often the order feeds are read (0: never). */
  orderPollMs: number;
  orderPageSize: number;
  /** Marketplace code → statement provider its buyers pay through: their orders become expected payments (reconciliation). */
  orderPaymentProviders?: Readonly<Record<string, string>>;
}

const variables = {
  COMMERCE_SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  COMMERCE_SYNC_POLL_MS: z.coerce.number().int().min(10).default(1000),
  COMMERCE_SYNC_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  COMMERCE_SYNC_RETRIES: z.coerce.number().int().min(1).max(20).default(6),
  COMMERCE_SYNC_MIN_BACKOFF_MS: z.coerce.number().int().min(0).default(500),
  COMMERCE_SYNC_MAX_BACKOFF_MS: z.coerce.number().int().min(0).default(30_000),
  COMMERCE_SYNC_MAX_RETRY_TIME_MS: z.coerce.number().int().min(1000).default(300_000),
  COMMERCE_SYNC_REVIEW_POLL_MS: z.coerce.number().int().min(50).default(10_000),
  COMMERCE_SYNC_RATE_PER_SECOND: z.coerce.number().positive().default(10),
  COMMERCE_ORDER_POLL_MS: z.coerce.number().int().min(0).default(60_000),
  COMMERCE_SYNC_FAILED_RETRY_MS: z.coerce.number().int().min(1000).default(3 * 60 * 60 * 1000),
  COMMERCE_ORDER_PAYMENT_PROVIDERS: z.string().default(''),
};

/** The rate variable of one marketplace: `COMMERCE_SYNC_RATE_<CODE>` (default COMMERCE_SYNC_RATE_PER_SECOND). */
export function rateVariable(code: string): string {
  return `COMMERCE_SYNC_RATE_${code}`;
}

/** The worker's settings, COMMERCE_SYNC_* (subgraphs/commerce/README.md), with a rate per marketplace of the list. */
export function syncSettingsSection(adapters: readonly AnyMarketplaceAdapter[]): ConfigSection<SyncOptions> {
  const rates = Object.fromEntries(adapters.map((a) => [rateVariable(a.code), z.coerce.number().positive().optional()]));
  const codes = adapters.map((a) => a.code);
  const paymentProviders = variables.COMMERCE_ORDER_PAYMENT_PROVIDERS.superRefine((value, ctx) => {
    try {
      parseOrderPaymentProviders(value, codes);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });
  return defineConfigSection('commerce sync', { ...variables, COMMERCE_ORDER_PAYMENT_PROVIDERS: paymentProviders, ...rates }, (e) => {
    const rate = e as unknown as Record<string, number | undefined>;
    return {
      concurrency: e.COMMERCE_SYNC_CONCURRENCY,
      pollMs: e.COMMERCE_SYNC_POLL_MS,
      leaseMs: e.COMMERCE_SYNC_LEASE_MS,
      retries: e.COMMERCE_SYNC_RETRIES,
      minBackoffMs: e.COMMERCE_SYNC_MIN_BACKOFF_MS,
      maxBackoffMs: e.COMMERCE_SYNC_MAX_BACKOFF_MS,
      maxRetryTimeMs: e.COMMERCE_SYNC_MAX_RETRY_TIME_MS,
      defaultRetryAfterMs: 1000,
      reviewPollMs: e.COMMERCE_SYNC_REVIEW_POLL_MS,
      ratePerSecond: {
        default: e.COMMERCE_SYNC_RATE_PER_SECOND,
        ...Object.fromEntries(adapters.flatMap((a) => (rate[rateVariable(a.code)] ? [[a.code, rate[rateVariable(a.code)]]] : []))),
      },
      orderPollMs: e.COMMERCE_ORDER_POLL_MS,
      failedRetryMs: e.COMMERCE_SYNC_FAILED_RETRY_MS,
      failedSweepMs: Math.min(600_000, Math.max(1000, Math.floor(e.COMMERCE_SYNC_FAILED_RETRY_MS / 10))),
      orderPageSize: 100,
      orderPaymentProviders: parseOrderPaymentProviders(e.COMMERCE_ORDER_PAYMENT_PROVIDERS, codes),
    };
  });
}

/** The sync settings of the registry's marketplaces: `config.get(syncSettings)`. */
export const syncSettings = syncSettingsSection(MARKETPLACE_ADAPTERS);
