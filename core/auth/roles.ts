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
  /** Hub administrator: every scope. */
  ADMIN = 'admin',
}

export const ROLES: readonly Role[] = Object.values(Role);

/** Who is calling. `null` in a context means anonymous: public data only. */
export interface Viewer {
  subject: string;
  roles: readonly Role[];
  /** GSO commune codes the viewer acts for. */
  communeCodes: readonly string[];
  /** Producer ids the viewer is a member of. */
  producerIds: readonly string[];
}

export function hasRole(viewer: Viewer | null, role: Role): boolean {
  return !!viewer && (viewer.roles.includes(role) || viewer.roles.includes(Role.ADMIN));
}

/** True when the viewer holds `role` for the commune with this code (admins hold every scope). */
export function actsForCommune(viewer: Viewer | null, role: Role, communeCode: string): boolean {
  if (!viewer) return false;
  if (viewer.roles.includes(Role.ADMIN)) return true;
  return viewer.roles.includes(role) && viewer.communeCodes.includes(communeCode);
}

export function actsForProducer(viewer: Viewer | null, producerId: string): boolean {
  if (!viewer) return false;
  if (viewer.roles.includes(Role.ADMIN)) return true;
  return viewer.roles.includes(Role.PRODUCER) && viewer.producerIds.includes(producerId);
}
