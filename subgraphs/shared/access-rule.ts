import { actsForCommune, actsForUnit, hasRole, readsForProvince, Role, type Viewer } from './roles.js';
import { communeCodeOf } from './commune-id.js';

/**
 * One way a role reaches a restricted field. `over` says how the target is tied to the token:
 * - `unit`: the token's commune is the target's unit or its successor today (`actsForUnit`);
 * - `commune-code`: the token names the target commune's code today (cooperative managers);
 * - `province`: the token's provinces claim covers the target commune's province (`readsForProvince`);
 * - `producer`: the viewer is a member of the target producer by commerce's records (the token's
 *   producers claim counts only while the producer has recorded no member: docs/schema-guide.md);
 * - `anywhere`: the role alone suffices (finance reads every payment).
 */
export type Grant = { role: Role; over: 'unit' | 'commune-code' | 'producer' | 'anywhere' } | { role: Role.PROVINCE_OFFICER; over: 'province' };

/**
 * What a caller without a grant gets: the field answers null (`null`), or the request is refused
 * with FORBIDDEN, anonymous callers with `anonymous` (UNAUTHENTICATED where asking to sign in helps;
 * FORBIDDEN where the rest of a public query must still resolve through the gateway).
 */
export type Refusal = { kind: 'null' } | { kind: 'error'; anonymous: 'UNAUTHENTICATED' | 'FORBIDDEN' };

/** The access rule of one restricted field. Admins hold every grant. */
export interface AccessRule {
  kind?: never;
  grants: readonly Grant[];
  refused: Refusal;
  /**
   * Why a refusal of this field is not written to the subgraph's refused-read log (Commune.refusedReads
   * and siblings). Absent, the default: every refusal is.
   */
  unaudited?: string;
  /** Why the field is restricted, one line for docs/access.md. */
  why: string;
}

/**
 * Who sees which rows of a filtered list: `all` of them (through an ordinary grant), or `producer`
 * (a producer's members by commerce's records: the rows concerning the producers they act for).
 */
export type RowGrant = (Grant & { sees: 'all' }) | { role: Role.PRODUCER; over: 'producer'; sees: 'producer' };

/** What a caller without a row grant gets from a filtered list: only its public rows, or a refusal. */
export type RowRefusal = { kind: 'public'; rows: string } | Refusal;

/**
 * The access rule of a list that filters rather than refuses: the rule says whose rows each role
 * sees (docs/access.md writes its cells as `all rows`, `its producers' rows` or `public rows`).
 * Admins see all rows.
 */
export interface FilterRule {
  kind: 'filter';
  /** What the rows are, for docs/access.md ("the run's items"). */
  rows: string;
  sees: readonly RowGrant[];
  refused: RowRefusal;
  /**
   * Why a caller without a row grant (refused, or answered only the public rows) is not written to
   * the subgraph's refused-read log. Absent, the default: every such caller is.
   */
  unaudited?: string;
  why: string;
}

/** What the guarded value belongs to; the resolver fills what its record knows. */
export interface AccessTarget {
  /** The record's unit(s) (Commune.id); a meeting has one per participating room. */
  unitIds?: readonly string[];
  producerId?: string;
  /**
   * Whether the viewer is a member of `producerId`, by the records (commerce's producer access for
   * this request). Without it the producer grant holds for nobody: membership is never taken from the
   * token alone.
   */
  producerMember?: () => Promise<boolean>;
  /**
   * The producers the viewer acts for by the records (commerce's producer access for this request):
   * a filter rule's `producer` rows. Without it the producer rows grant holds for nobody.
   */
  memberProducerIds?: () => Promise<readonly string[]>;
  /** GSO codes of the unit's province and of those that inherited it; loaded only when a province grant needs them. */
  provinceCodes?: () => Promise<readonly string[]>;
}

async function holds(grant: Grant, viewer: Viewer, target: AccessTarget): Promise<boolean> {
  const units = target.unitIds ?? [];
  switch (grant.over) {
    case 'unit':
      return units.some((unit) => actsForUnit(viewer, grant.role, unit));
    case 'commune-code':
      return units.some((unit) => actsForCommune(viewer, grant.role, communeCodeOf(unit)));
    case 'producer':
      return grant.role === Role.PRODUCER && viewer.roles.includes(Role.PRODUCER) && !!target.producerId && !!target.producerMember && (await target.producerMember());
    case 'anywhere':
      return hasRole(viewer, grant.role);
    case 'province':
      return viewer.roles.includes(Role.PROVINCE_OFFICER) && !!target.provinceCodes && readsForProvince(viewer, await target.provinceCodes());
  }
}

/** True when the rule writes its refusals to the refused-read log (every rule but the argued exceptions). */
export const audited = (rule: { unaudited?: string }): boolean => !rule.unaudited;

/** True when the rule lets this viewer read the target: the one decision the guards and docs/access.md use. */
export async function permits(rule: AccessRule, viewer: Viewer | null, target: AccessTarget): Promise<boolean> {
  if (!viewer) return false;
  if (viewer.roles.includes(Role.ADMIN)) return true;
  for (const grant of rule.grants) if (await holds(grant, viewer, target)) return true;
  return false;
}

/** The rows of a filtered list a viewer sees; null: refused. */
export type RowScope = { kind: 'all' } | { kind: 'producers'; producerIds: readonly string[] } | { kind: 'public' };

/** Which rows the filter rule lets this viewer see: the one decision the list guards and docs/access.md use. */
export async function rowScope(rule: FilterRule, viewer: Viewer | null, target: AccessTarget): Promise<RowScope | null> {
  if (viewer?.roles.includes(Role.ADMIN)) return { kind: 'all' };
  if (viewer) {
    for (const grant of rule.sees) {
      if (grant.sees === 'all') {
        if (await holds(grant, viewer, target)) return { kind: 'all' };
      } else if (viewer.roles.includes(Role.PRODUCER) && target.memberProducerIds) {
        const producerIds = await target.memberProducerIds();
        if (producerIds.length) return { kind: 'producers', producerIds };
      }
    }
  }
  return rule.refused.kind === 'public' ? { kind: 'public' } : null;
}
