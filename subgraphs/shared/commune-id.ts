import { invalidInput } from '../../core/domain-errors.js';

/**
 * The shape of governance's `Commune.id` as the other subgraphs check it. Apart from the reference
 * type (commune.reference.ts) so that rules and entities use it without loading the GraphQL layer.
 */
const COMMUNE_ID = /^\d{5}\/\d{1,4}$/;

/**
 * Validates a Commune.id given in an input at `field`. A subgraph other than governance can check
 * only its shape, not that the unit exists.
 */
export function parseCommuneId(value: string, field: string): string {
  const id = value.trim();
  if (!COMMUNE_ID.test(id)) throw invalidInput(`"${value}" is not a Commune.id: give "<5-digit GSO code>/<n>", e.g. "05068/1".`, field);
  return id;
}

/** True when `value` has the shape of a Commune.id (whether the unit exists is governance's to say). */
export const isCommuneId = (value: string): boolean => COMMUNE_ID.test(value.trim());

/** The GSO code a Commune.id carries ("05068/1" → "05068"): tokens scope viewers by code. */
export function communeCodeOf(communeId: string): string {
  return communeId.split('/')[0];
}
