import { actsForUnit, Role, type Viewer } from '../../shared/roles.js';
import { forbidden } from '../../../core/domain-errors.js';
import { communeCodeOf } from '../commune/commune-id.js';

/** True when the viewer is an officer (or admin) of the commune or of the unit it merged into (`actsForUnit`). */
export function isOfficerOf(viewer: Viewer | null, communeId: string): boolean {
  return actsForUnit(viewer, Role.OFFICER, communeId);
}

/** Handling reports and reading reporters' contact is for the commune's officers. */
export function requireOfficerOf(viewer: Viewer | null, communeId: string, what: string): Viewer {
  if (viewer && isOfficerOf(viewer, communeId)) return viewer;
  throw forbidden(
    viewer
      ? `Your token does not act as ${Role.OFFICER} for commune ${communeCodeOf(communeId)}: only its officers may ${what}.`
      : `Sign in with an ${Role.OFFICER} token for commune ${communeCodeOf(communeId)} to ${what}.`,
  );
}
