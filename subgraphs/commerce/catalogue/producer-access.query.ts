import type { EntityManager } from '@mikro-orm/core';
import { requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { readAccess } from '../../shared/access-guard.js';
import type { GuardedField } from '../../shared/access-rules.js';
import { producerIdsOf, Role, type Viewer } from '../../shared/roles.js';
import { actsForProducer, NO_PRODUCER_ACCESS, requireProducerMember as requireMember, type ProducerAccess } from './catalogue-access.rules.js';
import { ProducerMember } from './producer-member.entity.js';
import { Producer } from './producer.entity.js';

/**
 * Which producers the viewer acts for, read from the records now (docs/schema-guide.md, "Access").
 * The recorded membership is the source of truth: a `producer` account acts for the producers that
 * record its `sub`. The token's `producers` claim counts only for a producer that has never recorded
 * a member (`membersRecordedAt` null: the pilot's producers and those onboarded before their first
 * member), so existing tokens keep working until a manager records who the members are; from then
 * on a claim the records do not back is refused, and a removed member loses access on the next read.
 */
export async function loadProducerAccess(em: EntityManager, viewer: Viewer | null): Promise<ProducerAccess> {
  if (!viewer) return NO_PRODUCER_ACCESS;
  if (viewer.roles.includes(Role.ADMIN)) return { all: true, producerIds: [] };
  if (!viewer.roles.includes(Role.PRODUCER)) return NO_PRODUCER_ACCESS;
  const recorded = (await em.find(ProducerMember, { subject: viewer.subject }, { fields: ['producerId'] })).map((m) => m.producerId);
  const claimed = producerIdsOf(viewer).filter((id) => !recorded.includes(id));
  // A claimed id the records know nothing against (no producer row, as with payment expectations
  // imported for producers not onboarded here) stays the claim's, as before members were recorded.
  const managed = claimed.length
    ? new Set((await em.find(Producer, { id: { $in: claimed }, membersRecordedAt: { $ne: null } }, { fields: ['id'] })).map((p) => p.id))
    : new Set<string>();
  return { all: false, producerIds: [...new Set([...recorded, ...claimed.filter((id) => !managed.has(id))])] };
}

/**
 * The viewer's producer access for this GraphQL request, read once per request (a removal shows on
 * the next request; a mutation re-reads inside its own transaction).
 */
export function producerAccessFor(context: SubgraphContext): Promise<ProducerAccess> {
  return requestLoader<string, ProducerAccess>(context, 'producerAccess', async (keys) => {
    const access = await loadProducerAccess(context.em, context.viewer);
    return keys.map(() => access);
  }).load('viewer');
}

/** The producer grant's check for the access registry (shared/access-rule.ts): membership by the records. */
export function producerMemberCheck(context: SubgraphContext, producerId: string): () => Promise<boolean> {
  return async () => actsForProducer(await producerAccessFor(context), producerId);
}

/** The producer rows of a filter rule (shared/access-rule.ts): the producers the viewer acts for by the records. */
export function memberProducerIds(context: SubgraphContext): () => Promise<readonly string[]> {
  return async () => (await producerAccessFor(context)).producerIds;
}

/**
 * The guard of a field about one producer (contact, members, shops): its rule, its members by the
 * records, its commune. `targetId`: what a refusal is logged against, when not the producer (a listing).
 */
export function readProducerField(context: SubgraphContext, field: GuardedField, producer: Pick<Producer, 'id' | 'communeId'>, targetId: string = producer.id): Promise<boolean> {
  const target = { producerId: producer.id, producerMember: producerMemberCheck(context, producer.id), unitIds: [producer.communeId] };
  return readAccess(context, field, target, { target: targetId, communeId: producer.communeId });
}

/** Reads the access and throws unless the viewer is a member of the producer (or an admin). */
export async function requireProducerMember(em: EntityManager, viewer: Viewer | null, producerId: string): Promise<void> {
  requireMember(viewer, viewer ? await loadProducerAccess(em, viewer) : NO_PRODUCER_ACCESS, producerId);
}
