import type DataLoader from 'dataloader';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { unitLineage } from './unit-lineage.js';

/**
 * The key fields every subgraph's reference type for governance's `Commune` entity carries. A subgraph
 * declares its own reference type on top, so that the description says what it adds:
 *
 *   @ObjectType({ description: '... devices adds its radio clusters ...' })
 *   @Directive('@key(fields: "id")')
 *   export class Commune extends CommuneReference {}
 */
@ObjectType({ description: 'Key fields of the Commune entity every subgraph extends; never emitted on its own.' })
export abstract class CommuneReference {
  @Field(() => ID, { description: 'Stable identifier of the unit, "<GSO code>/<n>", e.g. "05068/1" for Nam Thượng (owned by governance).' })
  id!: string;

  /** Governance's: the unit and every unit merged into it. Fields that cover a merged commune `@requires` it. */
  @Field(() => [ID], { description: 'This unit\'s id and the ids of every unit merged into it (owned by governance).' })
  @Directive('@external')
  lineageIds?: string[];
}

/**
 * On a field that covers what a merged commune inherited: records and things stay under the unit
 * they were recorded in (Nam Thượng), and the merged commune (Hợp Kim) sees them through lineage.
 */
export const REQUIRES_LINEAGE = '@requires(fields: "lineageIds")';

/**
 * Federation hands a subgraph `{ id }`, plus governance's `lineageIds` for fields that require it.
 * The lineage in the representation is never used: it is part of a request body, and what a
 * commune's fields cover (and so whose personal data they return) must not be the caller's to say.
 * The subgraph takes it from its own copy of the unit registry (`unit-lineage.ts`); an id it does
 * not know covers itself alone.
 */
export function communeReferenceResolver<T extends CommuneReference>(type: new () => T) {
  return (reference: { id: string }): T => Object.assign(new type(), { id: reference.id, lineageIds: unitLineage().lineageOf(reference.id) });
}

/** The units a commune's fields cover: itself and its predecessors (from the subgraph's own registry copy). */
export function communeScope(commune: CommuneReference): string[] {
  return unitLineage().lineageOf(commune.id);
}

/** Loads a per-unit list for every unit in the commune's scope, in scope order. */
export async function loadForScope<T>(loader: DataLoader<string, T[]>, commune: CommuneReference): Promise<T[]> {
  const lists = await loader.loadMany(communeScope(commune));
  return lists.flatMap((list) => {
    if (list instanceof Error) throw list;
    return list;
  });
}
