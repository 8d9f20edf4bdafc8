import { Arg, Args, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Commune, communeScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { requireHealthStaffOf } from '../health/health-access.rules.js';
import { TelehealthAccount } from './telehealth-account.entity.js';
import { Teleconsultation } from './teleconsultation.entity.js';
import { closeTeleconsultation, scheduleTeleconsultation } from './telehealth.command.js';
import { CloseTeleconsultationInput, CloseTeleconsultationPayload, ScheduleTeleconsultationInput, ScheduleTeleconsultationPayload } from './telehealth.inputs.js';
import { listTelehealthAccounts, listTeleconsultations } from './telehealth.query.js';
import { TelehealthAccountNode, TeleconsultationConnection, TeleconsultationNode } from './telehealth.type.js';

@Resolver(() => Commune)
export class CommuneTelehealthResolver {
  @FieldResolver(() => [TelehealthAccountNode], { nullable: true, description: 'The telehealth accounts of the commune health station (and of the units merged into it). Public.' })
  @Directive(REQUIRES_LINEAGE)
  telehealthAccounts(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<TelehealthAccount[]> {
    return listTelehealthAccounts(context.em, communeScope(commune));
  }
}

@Resolver(() => TelehealthAccountNode)
export class TelehealthAccountResolver {
  @FieldResolver(() => TeleconsultationConnection, {
    nullable: true,
    description: 'Consultations held over this account, newest first. Health staff of the commune only (FORBIDDEN otherwise).',
  })
  async consultations(@Root() account: TelehealthAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext): Promise<Connection<Teleconsultation>> {
    requireHealthStaffOf(context, account.communeId);
    return listTeleconsultations(context.em, account.id, page);
  }
}

@Resolver(() => TeleconsultationNode)
export class TeleconsultationMutationResolver {
  @Mutation(() => ScheduleTeleconsultationPayload, { description: 'Schedule a consultation on the station\'s telehealth account. Health staff of the commune; CONFLICT when the station has no account in use.' })
  async scheduleTeleconsultation(
    @Arg('input', () => ScheduleTeleconsultationInput, { description: 'The consultation.' }) input: ScheduleTeleconsultationInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ScheduleTeleconsultationPayload> {
    return Object.assign(new ScheduleTeleconsultationPayload(), { consultation: await scheduleTeleconsultation(context, input) });
  }

  @Mutation(() => CloseTeleconsultationPayload, { description: 'Mark a scheduled consultation COMPLETED or CANCELLED. Health staff of the commune; CONFLICT when it is already closed.' })
  async closeTeleconsultation(
    @Arg('input', () => CloseTeleconsultationInput, { description: 'Which consultation, and how it ended.' }) input: CloseTeleconsultationInput,
    @Ctx() context: SubgraphContext,
  ): Promise<CloseTeleconsultationPayload> {
    return Object.assign(new CloseTeleconsultationPayload(), { consultation: await closeTeleconsultation(context, input.consultationId, input.status) });
  }
}
