import type DataLoader from 'dataloader';
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

  /** Governance's: this unit and every unit merged into it. Equipment fields `@requires` it. */
  @Field(() => [ID], { description: 'This unit\'s id and the ids of every unit merged into it (owned by governance).' })
  @Directive('@external')
  lineageIds?: string[];
}

/**
 * Equipment stays where it was installed when communes merge, so a merged commune (Hợp Kim) has
 * the clusters and cameras of the units merged into it (Nam Thượng): such fields require lineage.
 */
export const REQUIRES_LINEAGE = '@requires(fields: "lineageIds")';

export function communeStub(id: string, lineageIds?: string[]): Commune {
  return Object.assign(new Commune(), { id, lineageIds });
}

/** Federation: the gateway hands devices `{ id }`, plus `lineageIds` for fields that require it. */
export function resolveCommuneReference(reference: { id: string; lineageIds?: string[] }): Commune {
  return communeStub(reference.id, reference.lineageIds);
}

/** The units whose equipment a commune's fields cover: itself and its predecessors. */
export function communeScope(commune: Commune): string[] {
  return commune.lineageIds?.length ? commune.lineageIds : [commune.id];
}

/** Loads a per-commune list for every unit in the commune's scope, in scope order. */
export async function loadForScope<T>(loader: DataLoader<string, T[]>, commune: Commune): Promise<T[]> {
  const lists = await loader.loadMany(communeScope(commune));
  return lists.flatMap((list) => {
    if (list instanceof Error) throw list;
    return list;
  });
}
