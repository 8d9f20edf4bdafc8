import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ProducerKind } from './producer.entity.js';
import { ProducerNode } from './producer.type.js';

@InputType({ description: 'A producer to onboard: a household or cooperative of a commune.' })
export class CreateProducerInput {
  @Field(() => ProducerKind, { description: 'Household or cooperative.' })
  kind!: ProducerKind;

  @Field(() => String, { description: 'Name as registered, 2–200 characters; stored NFC-normalised.' })
  name!: string;

  @Field(() => ID, { description: 'Commune.id (e.g. "05068/2"); the caller must manage this commune (cooperative_manager) or be an admin.' })
  communeId!: string;

  @Field(() => String, { nullable: true, description: 'Contact person (personal data: members, managers and admins only).' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone, Vietnamese mobile or landline (personal data).' })
  contactPhone?: string | null;
}

@InputType({ description: 'Changes to a producer; omitted fields stay as they are, null clears a contact field.' })
export class UpdateProducerInput {
  @Field(() => ID, { description: 'The producer.' })
  producerId!: string;

  @Field(() => ProducerKind, { nullable: true, description: 'Household or cooperative.' })
  kind?: ProducerKind | null;

  @Field(() => String, { nullable: true, description: 'New name, 2–200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact person.' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone.' })
  contactPhone?: string | null;
}

@InputType({ description: 'A person who acts for a producer.' })
export class ProducerMemberInput {
  @Field(() => ID, { description: 'The producer.' })
  producerId!: string;

  @Field(() => String, { description: 'Their account id: the `sub` of the hub token they sign in with (1–200 characters).' })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'Their name as the producer knows them (personal data); required when adding.' })
  displayName?: string | null;
}

@ObjectType({ description: 'The producer after the change.' })
export class ProducerPayload {
  @Field(() => ProducerNode, { description: 'The producer.' })
  producer!: ProducerNode;
}
