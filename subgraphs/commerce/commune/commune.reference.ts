import { STABLE_TYPE } from '../../../core/graphql/cache-hints.js';
import { Directive, ObjectType } from 'type-graphql';
import { CommuneReference, communeReferenceResolver } from '../../shared/commune.reference.js';

export { communeScope, REQUIRES_LINEAGE } from '../../shared/commune.reference.js';

/**
 * The governance subgraph's Commune, extended here with producers and products. A producer stays
 * under the commune it was registered in when communes merge; the merged commune lists it through lineage.
 */
@ObjectType({ description: 'A commune-level administrative unit (owned by the governance subgraph); commerce adds its producers and products.' })
@Directive('@key(fields: "id")')
@Directive(STABLE_TYPE)
export class Commune extends CommuneReference {}

export const resolveCommuneReference = communeReferenceResolver(Commune);
