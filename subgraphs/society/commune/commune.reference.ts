import { STABLE_TYPE } from '../../../core/graphql/cache-hints.js';
import { Directive, ObjectType } from 'type-graphql';
import { CommuneReference, communeReferenceResolver } from '../../shared/commune.reference.js';

export { communeScope, REQUIRES_LINEAGE } from '../../shared/commune.reference.js';

/**
 * Reference to the Commune entity owned by governance: society only knows its key and adds its own
 * fields (health, schools, field reports). Every added field is nullable, so an outage of this
 * subgraph nulls only those fields. A merged commune (Hợp Kim) covers what its predecessors recorded.
 */
@ObjectType({ description: 'A commune-level administrative unit (owned by the governance subgraph); society adds health, education and field-report data.' })
@Directive('@key(fields: "id")')
@Directive(STABLE_TYPE)
export class Commune extends CommuneReference {}

export const resolveCommuneReference = communeReferenceResolver(Commune);
