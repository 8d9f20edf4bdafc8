import { z } from 'zod';
import type { AnyMarketplaceAdapter } from '../../../connectors/marketplace/adapter.js';
import { MARKETPLACE_ADAPTERS } from '../../../connectors/marketplace/registry.js';
import { defineConfigSection, type ConfigSection } from '../../../core/config.js';
import { DriftPolicy } from './drift-kinds.js';

export interface DriftSettings {
  /** How often live listings are re-read at their marketplace (0: never; webhooks still trigger audits). */
  intervalMs: number;
  /** Listings re-read per marketplace and interval (the least recently audited first). */
  batch: number;
  /** How often audits asked for by a marketplace's push are looked for. */
  requestPollMs: number;
  /** Which version wins, per marketplace code, else `default`. */
  policy: Partial<Record<string, DriftPolicy>> & { default: DriftPolicy };
  /** Largest webhook body accepted (bytes). */
  webhookMaxBytes: number;
}

const policy = z.enum([DriftPolicy.REASSERT, DriftPolicy.ADOPT]);

/** `COMMERCE_DRIFT_POLICY_<CODE>`: one marketplace's policy (default COMMERCE_DRIFT_POLICY). */
export function driftPolicyVariable(code: string): string {
  return `COMMERCE_DRIFT_POLICY_${code}`;
}

/** The drift audit's settings (subgraphs/commerce/README.md, "Drift"), with a policy variable per marketplace of the list. */
export function driftSettingsSection(adapters: readonly AnyMarketplaceAdapter[]): ConfigSection<DriftSettings> {
  const perMarketplace = Object.fromEntries(adapters.map((a) => [driftPolicyVariable(a.code), policy.optional()]));
  const variables = {
    COMMERCE_AUDIT_INTERVAL_MS: z.coerce.number().int().min(0).default(15 * 60 * 1000),
    COMMERCE_AUDIT_BATCH: z.coerce.number().int().min(1).max(10_000).default(100),
    COMMERCE_AUDIT_REQUEST_POLL_MS: z.coerce.number().int().min(50).default(1000),
    COMMERCE_DRIFT_POLICY: policy.default(DriftPolicy.REASSERT),
    COMMERCE_WEBHOOK_MAX_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(65_536),
    ...perMarketplace,
  };
  return defineConfigSection('commerce drift audit', variables, (e) => {
    const own = e as unknown as Record<string, DriftPolicy | undefined>;
    return {
      intervalMs: e.COMMERCE_AUDIT_INTERVAL_MS,
      batch: e.COMMERCE_AUDIT_BATCH,
      requestPollMs: e.COMMERCE_AUDIT_REQUEST_POLL_MS,
      webhookMaxBytes: e.COMMERCE_WEBHOOK_MAX_BYTES,
      policy: {
        default: e.COMMERCE_DRIFT_POLICY,
        ...Object.fromEntries(adapters.flatMap((a) => (own[driftPolicyVariable(a.code)] ? [[a.code, own[driftPolicyVariable(a.code)]]] : []))),
      },
    };
  });
}

export const driftSettings = driftSettingsSection(MARKETPLACE_ADAPTERS);

/** The policy a marketplace's listings follow unless a listing sets its own. */
export function marketplaceDriftPolicy(settings: DriftSettings, marketplace: string): DriftPolicy {
  return settings.policy[marketplace] ?? settings.policy.default;
}
