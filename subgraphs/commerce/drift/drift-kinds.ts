
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

