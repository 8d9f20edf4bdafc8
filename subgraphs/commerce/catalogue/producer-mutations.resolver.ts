import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { toProducerNode } from './catalogue-mappers.js';
import { addProducerMember, createProducer, removeProducerMember, updateProducer } from './producer.command.js';
import { CreateProducerInput, ProducerMemberInput, ProducerPayload, UpdateProducerInput } from './producer.inputs.js';
import { readProducerMembers } from './producer-member.query.js';
import { ProducerMemberNode } from './producer-member.type.js';
import { ProducerNode } from './producer.type.js';

const payload = (producer: Parameters<typeof toProducerNode>[0]) => Object.assign(new ProducerPayload(), { producer: toProducerNode(producer) });

@Resolver(() => ProducerNode)
export class ProducerMutationResolver {
  @Mutation(() => ProducerPayload, { description: 'Onboards a producer. Admins, and cooperative managers of its commune.' })
  async createProducer(@Arg('input', () => CreateProducerInput, { description: 'The producer.' }) input: CreateProducerInput, @Ctx() context: SubgraphContext): Promise<ProducerPayload> {
    return payload(await createProducer(context.em, context.viewer, input));
  }

  @Mutation(() => ProducerPayload, { description: 'Edits a producer\'s kind, name or contact. Admins, and cooperative managers of its commune.' })
  async updateProducer(@Arg('input', () => UpdateProducerInput, { description: 'The changes.' }) input: UpdateProducerInput, @Ctx() context: SubgraphContext): Promise<ProducerPayload> {
    return payload(await updateProducer(context.em, context.viewer, input));
  }

  @Mutation(() => ProducerPayload, { description: 'Records a person who acts for the producer (their hub account id and name). Admins, and cooperative managers of its commune.' })
  async addProducerMember(@Arg('input', () => ProducerMemberInput, { description: 'The member.' }) input: ProducerMemberInput, @Ctx() context: SubgraphContext): Promise<ProducerPayload> {
    return payload(await addProducerMember(context.em, context.viewer, input));
  }

  @Mutation(() => ProducerPayload, { description: 'Removes a member. Admins, and cooperative managers of its commune.' })
  async removeProducerMember(@Arg('input', () => ProducerMemberInput, { description: 'The member (displayName is ignored).' }) input: ProducerMemberInput, @Ctx() context: SubgraphContext): Promise<ProducerPayload> {
    return payload(await removeProducerMember(context.em, context.viewer, input));
  }

  @FieldResolver(() => [ProducerMemberNode], {
    nullable: true,
    description: 'The people recorded as acting for the producer (personal data): its members, the cooperative managers of its commune and admins read it; null for others.',
  })
  async members(@Root() node: ProducerNode, @Ctx() context: SubgraphContext): Promise<ProducerMemberNode[] | null> {
    return readProducerMembers(context, node.id);
  }
}
