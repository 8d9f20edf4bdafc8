import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The governance subgraph's Commune, extended here with producers and products. */
@ObjectType({ description: 'A commune-level administrative unit (owned by the governance subgraph); commerce adds its producers and products.' })
@Directive('@key(fields: "id")')
export class Commune {
  @Field(() => ID, { description: 'Stable identifier of the unit, e.g. "05068/2" (see the governance subgraph).' })
  id!: string;
}

export function resolveCommuneReference(reference: { id: string }): Commune {
  return Object.assign(new Commune(), { id: reference.id });
}
