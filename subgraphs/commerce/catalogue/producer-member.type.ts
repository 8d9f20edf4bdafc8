import { Field, ObjectType } from 'type-graphql';

@ObjectType('ProducerMember', { description: 'A person who acts for a producer (personal data).' })
export class ProducerMemberNode {
  @Field(() => String, { description: 'Their hub account id (the `sub` of their token).' })
  subject!: string;

  @Field(() => String, { description: 'Their name, NFC.' })
  displayName!: string;

  @Field(() => Date, { description: 'When they were recorded.' })
  addedAt!: Date;
}
