import { PART_OF_PARENT } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { Marketplace } from './marketplace.js';
import { ProducerKind } from './producer.entity.js';
import { Commune } from '../commune/commune.reference.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import './marketplace.type.js';

registerEnumType(ProducerKind, {
  name: 'ProducerKind',
  description: 'HOUSEHOLD (hộ sản xuất) or COOPERATIVE (hợp tác xã).',
});

@ObjectType({ description: 'How to reach a producer. Personal data: only the producer\'s members and admins read it, and each read is audited.' })
export class ProducerContact {
  @Field(() => String, { nullable: true, description: 'Contact person.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone!: string | null;
}

@ObjectType('Producer', { description: 'A household or cooperative that sells its products through the hub.' })
// An entity other subgraphs reference by id (society's training participants).
@Directive('@key(fields: "id")')
@Directive(PART_OF_PARENT)
export class ProducerNode {
  @Field(() => ID, { description: 'Stable id of the producer.' })
  id!: string;

  @Field(() => ProducerKind, { description: 'Household or cooperative.' })
  kind!: ProducerKind;

  @Field(() => String, { description: 'Name, NFC-normalised.' })
  name!: string;

  @Field(() => Commune, { description: 'The commune the producer is in.' })
  commune!: Commune;

  @Field(() => [Marketplace], { description: 'Marketplaces the producer sells on.' })
  marketplaces!: Marketplace[];
}

export const { ConnectionType: ProducerConnection } = connectionTypes(ProducerNode, 'Producer', 'producer');
