import type { SubgraphContext } from '../../../core/graphql/context.js';
import { producerLoader } from './catalogue.store.js';
import { toProducerNode } from './catalogue-mappers.js';
import type { ProducerNode } from './producer.type.js';

/** Federation: another subgraph (society's training participants) hands `{ id }`; null when no such producer. */
export async function resolveProducerReference(reference: { id: string }, context: SubgraphContext): Promise<ProducerNode | null> {
  const producer = await producerLoader(context).load(reference.id);
  return producer ? toProducerNode(producer) : null;
}
