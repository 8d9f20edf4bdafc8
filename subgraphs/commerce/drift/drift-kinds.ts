import { registerEnumType } from 'type-graphql';

/** What differs between the hub's listing and the marketplace's. */
export enum DriftField {
  PRICE = 'PRICE',
  STOCK = 'STOCK',
  NAME = 'NAME',
  /** The marketplace shows the listing deactivated (or no longer has it) while the hub wants it live. */
  STATUS = 'STATUS',
  /** A second live listing with the same seller SKU (the seller listed the product again by hand). */
  DUPLICATE = 'DUPLICATE',
}

/** Which version wins when a listing drifted. */
export enum DriftPolicy {
  /** The hub writes its version back (default): the hub is where producers change their products. */
  REASSERT = 'REASSERT',
  /** The hub takes the marketplace's version: the product changes to it (and every other marketplace follows). */
  ADOPT = 'ADOPT',
}

/** What a listing says about the policy: its own choice, or the marketplace's (COMMERCE_DRIFT_POLICY_<CODE>, else COMMERCE_DRIFT_POLICY). */
export enum DriftPolicySetting {
  INHERIT = 'INHERIT',
  REASSERT = 'REASSERT',
  ADOPT = 'ADOPT',
}

/** How a difference was settled. */
export enum DriftResolution {
  REASSERTED = 'REASSERTED',
  ADOPTED = 'ADOPTED',
  /** The duplicate listing was delisted (whatever the policy: buyers may order only the copy whose stock the hub follows). */
  DUPLICATE_DELISTED = 'DUPLICATE_DELISTED',
}

registerEnumType(DriftField, {
  name: 'DriftField',
  description: 'What differs at the marketplace: PRICE, STOCK, NAME, STATUS (deactivated or gone there) or DUPLICATE (a second live listing with the same seller SKU).',
});
registerEnumType(DriftPolicy, {
  name: 'DriftPolicy',
  description: 'Which version wins when a listing drifted: REASSERT (the hub writes its version back) or ADOPT (the product takes the marketplace\'s price, stock and name; a deactivation delists it). Duplicates are delisted either way.',
});
registerEnumType(DriftPolicySetting, {
  name: 'DriftPolicySetting',
  description: 'A listing\'s drift policy: INHERIT (the marketplace\'s, as configured), or REASSERT or ADOPT for this listing whatever the marketplace\'s is.',
});
registerEnumType(DriftResolution, {
  name: 'DriftResolution',
  description: 'How a difference was settled: REASSERTED (the hub wrote its version back), ADOPTED (the hub took the marketplace\'s), DUPLICATE_DELISTED.',
});
