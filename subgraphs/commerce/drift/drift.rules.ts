import type { RemoteListing } from '../../../connectors/marketplace/contract.js';
import { DriftField, DriftPolicy, DriftPolicySetting } from './drift-kinds.js';

/** The listing as the hub holds it (the product's current values, which the marketplace acknowledged). */
export interface HubListingView {
  externalId: string;
  priceVnd: number;
  stock: number;
  name: string;
}

export interface DriftDifference {
  field: DriftField;
  hubValue: string;
  marketplaceValue: string;
  /** For DUPLICATE: the marketplace's id of the copy. */
  duplicateId?: string;
}

export interface DriftFinding {
  differences: DriftDifference[];
  /** The listing the hub follows as the marketplace shows it; null when the marketplace no longer has it. */
  kept: RemoteListing | null;
}

/** Names compare as people see them: NFC, outer spaces dropped (both sandboxes trim). */
const sameName = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim();

/**
 * What differs between the hub's live listing and what the marketplace shows for its seller SKU
 * (every listing with it, oldest first). A listing under review or refused by the marketplace is
 * not drift (moderation is the marketplace's to decide); a deactivated or vanished one is.
 */
export function findDrift(hub: HubListingView, remotes: readonly RemoteListing[]): DriftFinding {
  const kept = remotes.find((r) => r.externalId === hub.externalId) ?? null;
  const differences: DriftDifference[] = [];
  if (!kept) {
    differences.push({ field: DriftField.STATUS, hubValue: 'PUBLISHED', marketplaceValue: 'MISSING' });
  } else if (kept.status === 'DELISTED') {
    differences.push({ field: DriftField.STATUS, hubValue: 'PUBLISHED', marketplaceValue: 'DELISTED' });
  }
  if (kept && kept.status !== 'REJECTED' && kept.status !== 'PENDING_REVIEW') {
    if (kept.priceVnd !== hub.priceVnd) differences.push({ field: DriftField.PRICE, hubValue: String(hub.priceVnd), marketplaceValue: String(kept.priceVnd) });
    if (kept.stock !== hub.stock) differences.push({ field: DriftField.STOCK, hubValue: String(hub.stock), marketplaceValue: String(kept.stock) });
    if (kept.name !== undefined && !sameName(kept.name, hub.name)) differences.push({ field: DriftField.NAME, hubValue: hub.name.slice(0, 200), marketplaceValue: kept.name.slice(0, 200) });
  }
  if (kept) {
    for (const other of remotes) {
      if (other.externalId === hub.externalId || other.status === 'DELISTED' || other.status === 'REJECTED') continue;
      differences.push({ field: DriftField.DUPLICATE, hubValue: hub.externalId, marketplaceValue: other.externalId, duplicateId: other.externalId });
    }
  }
  return { differences, kept };
}

/** A listing's stored policy (null: the marketplace's) as the graph shows it. */
export function driftPolicySettingOf(policy: DriftPolicy | null | undefined): DriftPolicySetting {
  if (policy === DriftPolicy.ADOPT) return DriftPolicySetting.ADOPT;
  if (policy === DriftPolicy.REASSERT) return DriftPolicySetting.REASSERT;
  return DriftPolicySetting.INHERIT;
}

/** What a listing stores for a setting: its own policy, or null to follow the marketplace's. */
export function driftPolicyOfSetting(setting: DriftPolicySetting): DriftPolicy | null {
  if (setting === DriftPolicySetting.ADOPT) return DriftPolicy.ADOPT;
  if (setting === DriftPolicySetting.REASSERT) return DriftPolicy.REASSERT;
  return null;
}
