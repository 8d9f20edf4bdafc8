import { Role, type Viewer } from '../../core/auth/roles.js';
import { badUserInput, forbidden, unauthenticated } from '../../core/errors.js';

const COMMUNE_ID_RE = /^(\d{5})\/\d{1,4}$/;

/** Validates a Commune.id ("<GSO code>/<n>", e.g. "05068/1") given as input at `field`. */
export function parseCommuneId(value: string, field: string): string {
  if (!COMMUNE_ID_RE.test(value)) {
    throw badUserInput(`"${value}" is not a Commune.id: give "<5-digit GSO code>/<n>", e.g. "05068/1".`, field);
  }
  return value;
}

/** The GSO code a Commune.id carries: tokens scope viewers by code (core/auth/roles.ts). */
export function communeCodeOf(communeId: string): string {
  return communeId.split('/')[0];
}

/** True when the viewer holds one of `roles` for this commune (admins hold every scope). */
export function actsForCommuneId(viewer: Viewer | null, roles: readonly Role[], communeId: string): boolean {
  const code = communeCodeOf(communeId);
  return roles.some((role) => {
    if (!viewer) return false;
    if (viewer.roles.includes(Role.ADMIN)) return true;
    return viewer.roles.includes(role) && viewer.communeCodes.includes(code);
  });
}

/**
 * Who may change what in the devices subgraph:
 * - radio clusters, their receivers and broadcasts: Role.OFFICER of the commune;
 * - cameras and their devices: Role.SECURITY or Role.OFFICER of the commune;
 * - Role.ADMIN: everything.
 */
export const RADIO_MANAGERS: readonly Role[] = [Role.OFFICER];
export const CAMERA_MANAGERS: readonly Role[] = [Role.SECURITY, Role.OFFICER];
/** Who sees camera stream URLs: the security role (police, IOC operators) of the commune. */
export const STREAM_VIEWERS: readonly Role[] = [Role.SECURITY];

export function requireCommuneRole(viewer: Viewer | null, roles: readonly Role[], communeId: string, action: string): void {
  if (!viewer) throw unauthenticated(`Sign in to ${action}: send a bearer token in the Authorization header.`);
  if (!actsForCommuneId(viewer, roles, communeId)) {
    throw forbidden(`Only ${roles.join(' or ')} of commune ${communeCodeOf(communeId)} may ${action}: ask for a token with that role and commune.`);
  }
}
