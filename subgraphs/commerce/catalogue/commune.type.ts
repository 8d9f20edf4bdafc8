import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The governance subgraph's Commune, extended here with producers and products. */
@ObjectType({ description: 'A commune-level administrative unit (owned by the governance subgraph); commerce adds its producers and products.' })
@Directive('@key(fields: "id")')
export class Commune {
  @Field(() => ID, { description: 'Stable identifier of the unit, e.g. "05068/2" (see the governance subgraph).' })
  id!: string;

  /** Governance's: this unit and every unit merged into it. The producer and product fields `@requires` it. */
  @Field(() => [ID], { description: 'This unit\'s id and the ids of every unit merged into it (owned by governance).' })
  @Directive('@external')
  lineageIds?: string[];
}

/**
 * A producer stays registered under the commune it was registered in when communes merge, so a
 * merged commune (Hợp Kim) shows the producers of the units merged into it (Nam Thượng).
 */
export const REQUIRES_LINEAGE = '@requires(fields: "lineageIds")';

/** Federation: the gateway hands commerce `{ id }`, plus `lineageIds` for the fields that require it. */
export function resolveCommuneReference(reference: { id: string; lineageIds?: string[] }): Commune {
  return Object.assign(new Commune(), { id: reference.id, lineageIds: reference.lineageIds });
}

/** The units whose producers a commune's fields cover: itself and its predecessors. */
export function communeScope(commune: Commune): string[] {
  return commune.lineageIds?.length ? commune.lineageIds : [commune.id];
}
