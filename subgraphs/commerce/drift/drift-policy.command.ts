import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../../core/auth/viewer.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { requireProducerSteward } from '../catalogue/catalogue-access.rules.js';
import type { Marketplace } from '../catalogue/marketplace.js';
import { loadProducerAccess } from '../catalogue/producer-access.query.js';
import { Producer } from '../catalogue/producer.entity.js';
import { Product } from '../catalogue/product.entity.js';
import { Listing } from '../listings/listing.entity.js';
import type { DriftPolicySetting } from './drift-kinds.js';
import { driftPolicyOfSetting } from './drift.rules.js';

/**
 * Sets one listing's drift policy (or INHERIT: the marketplace's again), for the producer's members,
 * the cooperative managers of its commune and admins. It applies from the next drift the audit
 * settles; a difference already being re-asserted or adopted is not undone.
 */
export async function setListingDriftPolicy(
  em: EntityManager,
  viewer: Viewer | null,
  input: { productId: string; marketplace: Marketplace; policy: DriftPolicySetting },
): Promise<{ product: Product; listing: Listing }> {
  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, { id: input.productId });
    const producer = product ? await tx.findOne(Producer, { id: product.producerId }) : null;
    if (!product || !producer) throw invalidInput(`No product has id "${input.productId}": check the id.`, 'input.productId');
    requireProducerSteward(viewer, await loadProducerAccess(tx, viewer), producer, 'set the drift policy of its listings');
    const listing = await tx.findOne(Listing, { productId: product.id, marketplace: input.marketplace });
    if (!listing) throw invalidInput(`The product has no listing on ${input.marketplace}: publish it there first.`, 'input.marketplace');
    listing.driftPolicy = driftPolicyOfSetting(input.policy);
    return { product, listing };
  });
}
