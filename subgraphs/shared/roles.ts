import type { Viewer } from '../../core/auth/viewer.js';
import { todayInVietnam } from '../../core/time.js';
import { unitLineage } from './unit-lineage.js';

export type { Viewer };

/**
 * Roles a token can carry. Each domain checks the roles it needs; scoping (which commune, which
 * producer) comes from the token's claims, never from the query.
 */
export enum Role {
  /** Commune officer: records documents and dossiers of their own commune. */
  OFFICER = 'officer',
  /** Health station staff: reads and writes health records of their own commune. */
  HEALTH_STAFF = 'health_staff',
  /** Police and IOC operators: may see camera stream URLs. */
  SECURITY = 'security',
  /** Finance staff: payment details and reconciliation. */
  FINANCE = 'finance',
  /** Member of a producer (household or cooperative): manages its own products and listings. */
  PRODUCER = 'producer',
  /** Commune People's Committee chairperson: approves what officers draft (portal posts) for their own commune. */
  CHAIRPERSON = 'chairperson',
  /** Hub administrator: every scope. */
  ADMIN = 'admin',
  /**
   * Provincial officer (UBND tỉnh, a provincial department): reads what the officers of every
   * commune of their province read (record lists, documents, dossiers with applicants, audited);
   * writes nothing, and never reads health records or camera streams. Scoped by the `provinces` claim.
   */
  PROVINCE_OFFICER = 'province_officer',
  /**
   * Cooperative manager (cán bộ phụ trách HTX / kinh tế hợp tác of a commune): onboards and edits
   * the producers (households and cooperatives) of their communes, records their members and
   * connects their marketplace shops. Scoped by the `communes` claim.
   */
  COOPERATIVE_MANAGER = 'cooperative_manager',
}

export const ROLES: readonly Role[] = Object.values(Role);

/** The token claims that scope roles: GSO commune codes, producer ids, GSO province codes. */
export const SCOPE_CLAIMS = { communes: 'communes', producers: 'producers', provinces: 'provinces' } as const;

/** GSO province codes a provincial officer reads for. */
export function provinceCodesOf(viewer: Viewer | null): readonly string[] {
  return viewer?.scopes[SCOPE_CLAIMS.provinces] ?? [];
}

/**
 * True when the viewer reads for a province bearing one of these codes (a commune's province, and
 * the provinces that inherited it: a token for 25 covers the communes Hòa Bình merged into Phú Thọ).
 * Admins read everywhere. Only record reads use this; writes stay with the commune's officers.
 */
export function readsForProvince(viewer: Viewer | null, provinceCodes: readonly string[]): boolean {
  if (!viewer) return false;
  if (viewer.roles.includes(Role.ADMIN)) return true;
  const scope = provinceCodesOf(viewer);
  return viewer.roles.includes(Role.PROVINCE_OFFICER) && provinceCodes.some((code) => scope.includes(code));
}

/** GSO commune codes the viewer acts for. */
export function communeCodesOf(viewer: Viewer | null): readonly string[] {
  return viewer?.scopes[SCOPE_CLAIMS.communes] ?? [];
}

/**
 * Producer ids the token claims. Not access by itself: commerce's recorded membership decides
 * (subgraphs/commerce/catalogue/producer-access.query.ts); the claim counts only for a producer
 * that has never recorded a member.
 */
export function producerIdsOf(viewer: Viewer | null): readonly string[] {
  return viewer?.scopes[SCOPE_CLAIMS.producers] ?? [];
}

export function hasRole(viewer: Viewer | null, role: Role): boolean {
  return !!viewer && (viewer.roles.includes(role) || viewer.roles.includes(Role.ADMIN));
}

/**
 * True when the viewer holds `role` for the commune with this code today (admins hold every scope).
 * Only for what a code names today (a new record of the commune bearing it); a record's unit is
 * checked with `actsForUnit`.
 */
export function actsForCommune(viewer: Viewer | null, role: Role, communeCode: string): boolean {
  if (!viewer) return false;
  if (viewer.roles.includes(Role.ADMIN)) return true;
  return viewer.roles.includes(role) && communeCodesOf(viewer).includes(communeCode);
}

/**
 * The one policy for who acts for a unit's records (docs/schema-guide.md, "Who acts for a merged
 * unit"): the viewer holds `role` for a commune code that names a unit existing on `day`, and that
 * unit is the record's unit or one of its successors, however many reforms later (Hợp Kim's 05068
 * acts for Nam Thượng's, Kim Lập's and Sào Báy's records). A code no unit bears on `day` (05035 Kim
 * Lập, 04969 the old Liên Sơn after 2025-06-30) acts for nothing. The lineage is the subgraph's own
 * copy (`unit-lineage.ts`), never one a request carried. Admins act everywhere.
 */
export function actsForUnit(viewer: Viewer | null, role: Role, unitId: string, day: string = todayInVietnam()): boolean {
  if (!viewer) return false;
  if (viewer.roles.includes(Role.ADMIN)) return true;
  if (!viewer.roles.includes(role)) return false;
  const lineage = unitLineage();
  return communeCodesOf(viewer).some((code) => {
    const current = lineage.unitBearing(code, day);
    return !!current && lineage.lineageOf(current.id).includes(unitId);
  });
}
