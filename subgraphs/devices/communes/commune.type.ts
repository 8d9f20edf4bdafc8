import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Commune is owned by the governance subgraph; devices extends it through its key and adds
 * nullable fields (an outage of devices nulls only those).
 */
@ObjectType({ description: 'A commune-level administrative unit (owned by governance); devices adds its radio clusters, cameras and broadcasts.' })
@Directive('@key(fields: "id")')
export class Commune {
  @Field(() => ID, { description: 'Stable identifier of the unit, "<GSO code>/<n>", e.g. "05068/1".' })
  id!: string;
}

export function communeStub(id: string): Commune {
  return Object.assign(new Commune(), { id });
}

/** Federation: the gateway hands devices `{ id }`; every field devices adds works from the id alone. */
export function resolveCommuneReference(reference: { id: string }): Commune {
  return communeStub(reference.id);
}
