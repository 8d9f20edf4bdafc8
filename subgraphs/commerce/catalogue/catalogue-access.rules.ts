import { actsForProducer, producerIdsOf, Role, type Viewer } from '../../shared/roles.js';
import { forbidden, unauthenticated } from '../../../core/domain-errors.js';

export function isAdmin(viewer: Viewer | null): boolean {
  return !!viewer?.roles.includes(Role.ADMIN);
}

/** Producer ids whose unpublished products and private fields the viewer may see (null: all, for admins). */
export function memberProducerIds(viewer: Viewer | null): readonly string[] | null {
  if (isAdmin(viewer)) return null;
  return viewer?.roles.includes(Role.PRODUCER) ? producerIdsOf(viewer) : [];
}

/** Throws unless the caller is a member of the producer (or an admin). */
export function requireProducerMember(viewer: Viewer | null, producerId: string): void {
  if (!viewer) throw unauthenticated();
  if (!actsForProducer(viewer, producerId)) {
    throw forbidden(`Only members of producer ${producerId} (role producer with this producer id) or admins may change its products.`);
  }
}
