import { audited, permits, rowScope, type AccessTarget, type RowScope } from '../../subgraphs/shared/access-rule.js';
import { ruleOf, type RestrictedField } from '../../subgraphs/shared/access-rules.js';
import { ROLES, SCOPE_CLAIMS, type Role, type Viewer } from '../../subgraphs/shared/roles.js';

/** The records a matrix cell reads: Hợp Kim's (05068/2, today) and its predecessor Nam Thượng's (05068/1, ended 2025-06-30, same code). */
export const HOP_KIM = '05068/2';
export const NAM_THUONG = '05068/1';

/** GSO province codes covering each target unit: Hợp Kim is in Phú Thọ (25); Nam Thượng was in Hòa Bình (17), inherited by Phú Thọ. */
const PROVINCE_CODES: Record<string, readonly string[]> = { [HOP_KIM]: ['25'], [NAM_THUONG]: ['17', '25'] };

/** A token's scope claims for one relation; `producerOfTarget` names the producer that owns the target record. */
export interface RelationClaims {
  communeCodes?: string[];
  provinceCodes?: string[];
  producerOfTarget?: boolean;
}

/**
 * How a caller stands to the record it reads, with the pilot units that realise it. Each cell of the
 * matrix is one role with these claims reading one record of `unit` (the matrix test runs them all).
 */
export const RELATIONS = {
  own: { unit: HOP_KIM, claims: { communeCodes: ['05068'] }, text: 'a token for Hợp Kim (05068) reads a Hợp Kim (05068/2) record' },
  predecessor: { unit: NAM_THUONG, claims: { communeCodes: ['05068'] }, text: 'a token for Hợp Kim (05068) reads a record of Nam Thượng (05068/1), which merged into Hợp Kim' },
  successor: { unit: HOP_KIM, claims: { communeCodes: ['05035'] }, text: 'a token for the ended Kim Lập (05035, merged into Hợp Kim) reads a Hợp Kim record: an ended unit\'s token acts for nothing' },
  other: { unit: HOP_KIM, claims: { communeCodes: ['04960'] }, text: 'a token for Liên Sơn (04960), another commune, reads a Hợp Kim record' },
  province: { unit: HOP_KIM, claims: { provinceCodes: ['25'] }, text: 'a token whose provinces claim is Phú Thọ (25), Hợp Kim\'s province, reads a Hợp Kim record' },
  producer: { unit: HOP_KIM, claims: { producerOfTarget: true }, text: 'a member of the producer owning the record (a Hợp Kim producer whose token claims it, the producer having recorded no members) reads it' },
} as const satisfies Record<string, { unit: string; claims: RelationClaims; text: string }>;

export type Relation = keyof typeof RELATIONS;
export const RELATION_NAMES = Object.keys(RELATIONS) as Relation[];

/** The rows of a field's table: each role alone, and no token at all. */
export type Caller = Role | 'anonymous';
export const CALLERS: readonly Caller[] = [...ROLES, 'anonymous'];

/**
 * What a cell answers: the value, or how it is refused, and whether the refusal is logged. A filtered
 * list (a `filter` rule) answers with rows: all of them, those of the producers the caller acts for,
 * or only the public ones.
 */
export type Outcome = 'allowed' | 'null' | 'FORBIDDEN' | 'UNAUTHENTICATED' | RowOutcome;
export const ROW_OUTCOMES = { all: 'all rows', producers: 'its producers\' rows', public: 'public rows' } as const satisfies Record<RowScope['kind'], string>;
export type RowOutcome = (typeof ROW_OUTCOMES)[keyof typeof ROW_OUTCOMES];
export const OUTCOMES: readonly Outcome[] = ['allowed', 'null', 'FORBIDDEN', 'UNAUTHENTICATED', ...Object.values(ROW_OUTCOMES)];

/** True when the cell answers (a value, or rows): a field reached through it is then judged by its own rule. */
export const answers = (cell: Cell) => cell.outcome === 'allowed' || Object.values(ROW_OUTCOMES).includes(cell.outcome as RowOutcome);
export interface Cell {
  outcome: Outcome;
  logged: boolean;
}

/** The symbolic producer owning a target record, in the document (the test substitutes its fixtures' ids). */
export const producerOf = (unit: string) => `producer@${unit}`;

function viewerFor(caller: Role, relation: Relation): Viewer {
  const { claims, unit } = RELATIONS[relation] as { claims: RelationClaims; unit: string };
  return {
    subject: `${caller}-${relation}`,
    roles: [caller],
    scopes: {
      [SCOPE_CLAIMS.communes]: claims.communeCodes ?? [],
      [SCOPE_CLAIMS.producers]: claims.producerOfTarget ? [producerOf(unit)] : [],
      [SCOPE_CLAIMS.provinces]: claims.provinceCodes ?? [],
    },
  };
}

/** The cell the rule of `field` gives `caller` in `relation`: the same `permits` the guards run. */
export async function expectedCell(field: RestrictedField, caller: Caller, relation: Relation): Promise<Cell> {
  const rule = ruleOf(field);
  const { unit } = RELATIONS[relation];
  const viewer = caller === 'anonymous' ? null : viewerFor(caller, relation);
  // The matrix's producers have recorded no members, so commerce's records back the token's claim.
  const producerMember = async () => !!viewer?.scopes[SCOPE_CLAIMS.producers]?.includes(producerOf(unit));
  const memberProducerIds = async () => viewer?.scopes[SCOPE_CLAIMS.producers] ?? [];
  const target: AccessTarget = { unitIds: [unit], producerId: producerOf(unit), producerMember, memberProducerIds, provinceCodes: async () => PROVINCE_CODES[unit] ?? [] };
  let refused;
  if (rule.kind === 'filter') {
    const scope = await rowScope(rule, viewer, target);
    // A caller answered only the public rows holds no row grant: logged like a refusal.
    if (scope) return { outcome: ROW_OUTCOMES[scope.kind], logged: scope.kind === 'public' && audited(rule) };
    refused = rule.refused;
  } else {
    if (await permits(rule, viewer, target)) return { outcome: 'allowed', logged: false };
    refused = rule.refused;
  }
  if (refused.kind === 'public') throw new Error(`${field}: a public answer is a scope, not a refusal`);
  const outcome: Outcome = refused.kind === 'null' ? 'null' : viewer ? 'FORBIDDEN' : refused.anonymous;
  return { outcome, logged: audited(rule) };
}
