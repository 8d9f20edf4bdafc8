import { registerEnumType } from 'type-graphql';
import { DriftField, DriftPolicy, DriftPolicySetting, DriftResolution } from './drift-kinds.js';

/**
 * The GraphQL names of the enums of drift-kinds.ts, registered here in the GraphQL layer
 * (imported by every type, input and resolver that uses them) so that the domain module stays free
 * of type-graphql: `hub` commands load entities and rules, never the GraphQL layer.
 */
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
