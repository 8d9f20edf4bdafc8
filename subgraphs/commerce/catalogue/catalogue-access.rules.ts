import { communeCodeOf } from '../../shared/commune.reference.js';
import { actsForCommune, actsForProducer, producerIdsOf, Role, type Viewer } from '../../shared/roles.js';
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

/** True for admins and the cooperative managers of the producer's commune: they onboard and edit producers. */
export function managesProducersOf(viewer: Viewer | null, communeId: string): boolean {
  return actsForCommune(viewer, Role.COOPERATIVE_MANAGER, communeCodeOf(communeId));
}

/** Throws unless the caller is an admin or a cooperative manager of the commune. */
export function requireProducerManager(viewer: Viewer | null, communeId: string): void {
  if (!viewer) throw unauthenticated();
  if (!managesProducersOf(viewer, communeId)) {
    throw forbidden(`Only admins and cooperative managers of commune ${communeCodeOf(communeId)} (role cooperative_manager with this commune code) may onboard or edit its producers.`);
  }
}

/** Throws unless the caller manages the producer's commune or is one of its members (a seller authorises their own shop). */
export function requireShopAuthoriser(viewer: Viewer | null, producer: { id: string; communeId: string }): void {
  if (!viewer) throw unauthenticated();
  if (!managesProducersOf(viewer, producer.communeId) && !actsForProducer(viewer, producer.id)) {
    throw forbidden(`Only members of producer ${producer.id}, cooperative managers of its commune or admins may connect its marketplace shops.`);
  }
}
