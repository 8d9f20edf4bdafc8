import type { SubgraphContext } from '../../../core/graphql/context.js';
import { producerLoader } from './catalogue.store.js';
import { readProducerField } from './producer-access.query.js';
import { ProducerMember } from './producer-member.entity.js';
import { ProducerMemberNode } from './producer-member.type.js';

/**
 * The people recorded as acting for the producer, by name: personal data, so null for a caller its
 * rule refuses (Producer.members) and for an unknown producer; each read is audited.
 */
export async function readProducerMembers(context: SubgraphContext, producerId: string): Promise<ProducerMemberNode[] | null> {
  const producer = await producerLoader(context).load(producerId);
  if (!producer) return null;
  if (!(await readProducerField(context, 'Producer.members', producer))) return null;
  context.logger.info({ audit: 'producer.members.read', subject: context.viewer?.subject, producerId }, 'sensitive read');
  const rows = await context.em.find(ProducerMember, { producerId }, { orderBy: { displayName: 'asc', id: 'asc' } });
  return rows.map((r) => Object.assign(new ProducerMemberNode(), { subject: r.subject, displayName: r.displayName, addedAt: r.addedAt }));
}
