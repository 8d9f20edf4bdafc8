import { STABLE_TYPE } from '../../../core/graphql/cache-hints.js';
import { Directive, ObjectType } from 'type-graphql';
import { CommuneReference, communeReferenceResolver } from '../../shared/commune.reference.js';

export { communeScope, loadForScope, REQUIRES_LINEAGE } from '../../shared/commune.reference.js';

/**
 * Commune is owned by the governance subgraph; devices extends it through its key and adds
 * nullable fields (an outage of devices nulls only those). Equipment stays under the unit it was
 * installed in; a merged commune (Hợp Kim) lists its predecessors' equipment through lineage.
 */
@ObjectType({ description: 'A commune-level administrative unit (owned by governance); devices adds its radio clusters, cameras and broadcasts.' })
@Directive('@key(fields: "id")')
@Directive(STABLE_TYPE)
export class Commune extends CommuneReference {}

export const resolveCommuneReference = communeReferenceResolver(Commune);

/** The Commune a device, camera or room belongs to, with its lineage from the registry copy. */
export function communeRef(id: string): Commune {
  return resolveCommuneReference({ id });
}
