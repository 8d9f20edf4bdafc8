import { actsForUnit, Role, type Viewer } from '../shared/roles.js';
import { forbidden, unauthenticated } from '../../core/domain-errors.js';
import { communeCodeOf } from '../shared/commune-id.js';

export { parseCommuneId } from '../shared/commune-id.js';

/** True when the viewer holds one of `roles` for this commune or the unit it merged into (`actsForUnit`; admins hold every scope). */
export function actsForCommuneId(viewer: Viewer | null, roles: readonly Role[], communeId: string): boolean {
  return roles.some((role) => actsForUnit(viewer, role, communeId));
}

/**
 * Who may change what in the devices subgraph:
 * - radio clusters, their receivers and broadcasts: Role.OFFICER of the commune;
 * - cameras and their devices: Role.SECURITY or Role.OFFICER of the commune;
 * - village connectivity, the IT inventory, video rooms and meetings: Role.OFFICER of the commune;
 * - Role.ADMIN: everything.
 */
export const RADIO_MANAGERS: readonly Role[] = [Role.OFFICER];
export const CAMERA_MANAGERS: readonly Role[] = [Role.SECURITY, Role.OFFICER];
/** Village connectivity surveys, the LAN/IT inventory and video-conference rooms and meetings: the commune's officers. */
export const CONNECTIVITY_MANAGERS: readonly Role[] = [Role.OFFICER];
export const VIDEO_MANAGERS: readonly Role[] = [Role.OFFICER];
/** Who reads stream URLs and recordings: ACCESS_RULES in ../shared/access-rules.ts. */

export function requireCommuneRole(viewer: Viewer | null, roles: readonly Role[], communeId: string, action: string): void {
  if (!viewer) throw unauthenticated(`Sign in to ${action}: send a bearer token in the Authorization header.`);
  if (!actsForCommuneId(viewer, roles, communeId)) {
    throw forbidden(`Only ${roles.join(' or ')} of commune ${communeCodeOf(communeId)} may ${action}: ask for a token with that role and commune.`);
  }
}
