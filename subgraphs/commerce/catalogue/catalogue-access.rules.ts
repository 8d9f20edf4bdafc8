import { PUBLIC_LISTING_STATUSES, type ListingStatus } from '../listings/listing-status.js';
import type { RowScope } from '../../shared/access-rule.js';
import { communeCodeOf } from '../../shared/commune-id.js';
import { actsForCommune, Role, type Viewer } from '../../shared/roles.js';
import { forbidden, unauthenticated } from '../../../core/domain-errors.js';

/**
 * The producers a viewer acts for, as the records say at the start of this request or transaction
 * (`producer-access.query.ts` reads it; docs/schema-guide.md, "Access"): every producer for admins
 * (`all`), else the producers that record the viewer's account as a member, plus those its token
 * claims that have never recorded a member (the bootstrap case).
 */
export interface ProducerAccess {
  all: boolean;
  producerIds: readonly string[];
}

export const NO_PRODUCER_ACCESS: ProducerAccess = { all: false, producerIds: [] };

/** True when the access covers this producer. */
export function actsForProducer(access: ProducerAccess, producerId: string): boolean {
  return access.all || access.producerIds.includes(producerId);
}

/** True when a catalogue row scope (ACCESS_RULES, `catalogueRows`) shows this producer's drafts: unpublished products, listings not live. */
export function seesDraftsOf(scope: RowScope, producerId: string): boolean {
  return scope.kind === 'all' || (scope.kind === 'producers' && scope.producerIds.includes(producerId));
}

/** The listings of one producer's product the scope shows: all of them to whom sees its drafts, else only the live ones. */
export function visibleListings<T extends { status: ListingStatus }>(scope: RowScope, producerId: string, listings: readonly T[]): T[] {
  if (seesDraftsOf(scope, producerId)) return [...listings];
  return listings.filter((listing) => PUBLIC_LISTING_STATUSES.includes(listing.status));
}

/** Throws unless the caller is a member of the producer (or an admin). */
export function requireProducerMember(viewer: Viewer | null, access: ProducerAccess, producerId: string): void {
  if (!viewer) throw unauthenticated();
  if (!actsForProducer(access, producerId)) {
    throw forbidden(`Only members of producer ${producerId} (role producer, recorded as its member) or admins may change its products.`);
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

/**
 * Throws unless the caller manages the producer's commune or is one of its members: the producer's
 * shops (a seller authorises their own) and its per-listing settings such as the drift policy.
 */
export function requireProducerSteward(viewer: Viewer | null, access: ProducerAccess, producer: { id: string; communeId: string }, what: string): void {
  if (!viewer) throw unauthenticated();
  if (!managesProducersOf(viewer, producer.communeId) && !actsForProducer(access, producer.id)) {
    throw forbidden(`Only members of producer ${producer.id}, cooperative managers of its commune or admins may ${what}.`);
  }
}
