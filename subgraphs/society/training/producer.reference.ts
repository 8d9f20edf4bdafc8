import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The commerce subgraph's Producer, as society sees it: its key only. The gateway fetches the rest
 * (name, kind, products) from commerce; society never imports commerce code.
 */
@ObjectType('Producer', { description: 'A household or cooperative (owned by the commerce subgraph).' })
@Directive('@key(fields: "id", resolvable: false)')
export class ProducerReference {
  @Field(() => ID, { description: 'Stable id of the producer (owned by commerce).' })
  id!: string;
}

export function producerRef(id: string): ProducerReference {
  return Object.assign(new ProducerReference(), { id });
}
