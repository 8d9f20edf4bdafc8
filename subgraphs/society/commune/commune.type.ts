import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Stub of the Commune entity owned by governance: society only knows its key and adds its own
 * fields (health, schools, field reports). Every added field is nullable, so an outage of this
 * subgraph nulls only those fields.
 */
@ObjectType({ description: 'A commune-level administrative unit (owned by the governance subgraph); society adds health, education and field-report data.' })
@Directive('@key(fields: "id")')
export class Commune {
  @Field(() => ID, { description: 'Stable identifier of the unit: "<GSO code>/<n>", e.g. "05068/1" for Nam Thượng.' })
  id!: string;

  /** Governance's: this unit and every unit merged into it. Society's fields `@requires` it. */
  @Field(() => [ID], { description: 'This unit\'s id and the ids of every unit merged into it (owned by governance).' })
  @Directive('@external')
  lineageIds?: string[];
}

/** Directive for a Commune field that covers what the commune inherited from the units merged into it. */
export const REQUIRES_LINEAGE = '@requires(fields: "lineageIds")';

/** Federation: the gateway hands us `{ id }`, plus `lineageIds` when a field requires it. */
export function resolveCommuneReference(reference: { id: string; lineageIds?: string[] }): Commune {
  return Object.assign(new Commune(), { id: reference.id, lineageIds: reference.lineageIds });
}

/**
 * The units whose data a commune's fields cover: itself and its predecessors (Hợp Kim shows what
 * Nam Thượng recorded). Without lineage (the subgraph queried alone), the unit itself.
 */
export function communeScope(commune: Commune): string[] {
  return commune.lineageIds?.length ? commune.lineageIds : [commune.id];
}
