import { randomUUID } from 'node:crypto';
import { Arg, Args, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import { PageArgs, pageWindow, toConnection, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { requireCommuneId } from '../commune/commune-id.js';
import { Commune, communeScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { optionalText, requireText } from '../common/input-text.js';

import { requireHealthStaffOf } from '../health/health-access.rules.js';
import { readAccess } from '../../shared/access-guard.js';
import { TelehealthAccount } from './telehealth-account.entity.js';
import { Teleconsultation, TeleconsultationStatus } from './teleconsultation.entity.js';
import { CloseTeleconsultationInput, CloseTeleconsultationPayload, ScheduleTeleconsultationInput, ScheduleTeleconsultationPayload } from './telehealth.inputs.js';
import { TelehealthAccountNode, TeleconsultationConnection, TeleconsultationNode } from './telehealth.type.js';

@Resolver(() => Commune)
export class CommuneTelehealthResolver {
  @FieldResolver(() => [TelehealthAccountNode], { nullable: true, description: 'The telehealth accounts of the commune health station (and of the units merged into it). Public.' })
  @Directive(REQUIRES_LINEAGE)
  telehealthAccounts(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<TelehealthAccount[]> {
    return context.em.find(TelehealthAccount, { communeId: { $in: communeScope(commune) } }, { orderBy: { communeId: 'asc', platform: 'asc' } });
  }
}

@Resolver(() => TelehealthAccountNode)
export class TelehealthAccountResolver {
  @FieldResolver(() => TeleconsultationConnection, {
    nullable: true,
    description: 'Consultations held over this account, newest first. Health staff of the commune only (FORBIDDEN otherwise).',
  })
  async consultations(@Root() account: TelehealthAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext): Promise<Connection<Teleconsultation>> {
    await readAccess(context, 'TelehealthAccount.consultations', { unitIds: [account.communeId] }, { target: account.id, communeId: account.communeId });
    const { limit, after } = pageWindow(page);
    const where = { accountId: account.id };
    const keyset = after
      ? { $or: [{ scheduledAt: { $lt: new Date(Number(after[0])) } }, { scheduledAt: new Date(Number(after[0])), id: { $lt: String(after[1]) } }] }
      : {};
    const [rows, totalCount] = await Promise.all([
      context.em.find(Teleconsultation, { ...where, ...keyset }, { orderBy: { scheduledAt: 'desc', id: 'desc' }, limit: limit + 1 }),
      context.em.count(Teleconsultation, where),
    ]);
    return toConnection(rows, limit, totalCount, (r) => [r.scheduledAt.getTime(), r.id]);
  }
}

@Resolver(() => TeleconsultationNode)
export class TeleconsultationMutationResolver {
  @Mutation(() => ScheduleTeleconsultationPayload, { description: 'Schedule a consultation on the station\'s telehealth account. Health staff of the commune; CONFLICT when the station has no account in use.' })
  async scheduleTeleconsultation(
    @Arg('input', () => ScheduleTeleconsultationInput, { description: 'The consultation.' }) input: ScheduleTeleconsultationInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ScheduleTeleconsultationPayload> {
    const communeId = requireCommuneId(input.communeId, 'input.communeId');
    const specialist = requireText(input.specialist, 'input.specialist', 2, 200);
    const specialty = optionalText(input.specialty, 'input.specialty', 100);
    const hospital = optionalText(input.hospital, 'input.hospital', 200);
    requireHealthStaffOf(context, communeId);
    const consultation = await context.em.transactional(async (tx) => {
      const account = await tx.findOne(TelehealthAccount, { communeId }, { orderBy: { platform: 'asc' } });
      if (!account) throw conflict('This commune\'s health station has no telehealth account: one must be created first.');
      const now = new Date();
      const row = Object.assign(new Teleconsultation(), {
        id: randomUUID(),
        accountId: account.id,
        communeId,
        scheduledAt: input.scheduledAt,
        specialist,
        specialty,
        hospital,
        status: TeleconsultationStatus.SCHEDULED,
        createdAt: now,
        updatedAt: now,
      });
      tx.persist(row);
      return row;
    });
    return Object.assign(new ScheduleTeleconsultationPayload(), { consultation });
  }

  @Mutation(() => CloseTeleconsultationPayload, { description: 'Mark a scheduled consultation COMPLETED or CANCELLED. Health staff of the commune; CONFLICT when it is already closed.' })
  async closeTeleconsultation(
    @Arg('input', () => CloseTeleconsultationInput, { description: 'Which consultation, and how it ended.' }) input: CloseTeleconsultationInput,
    @Ctx() context: SubgraphContext,
  ): Promise<CloseTeleconsultationPayload> {
    if (input.status === TeleconsultationStatus.SCHEDULED) throw invalidInput('Close a consultation as COMPLETED or CANCELLED.', 'input.status');
    const consultation = await context.em.transactional(async (tx) => {
      const row = await tx.findOne(Teleconsultation, { id: input.consultationId });
      if (!row) throw notFound('No teleconsultation has that id.');
      requireHealthStaffOf(context, row.communeId);
      if (row.status !== TeleconsultationStatus.SCHEDULED) throw conflict(`The consultation is already ${row.status}.`, { status: row.status });
      row.status = input.status;
      row.updatedAt = new Date();
      return row;
    });
    return Object.assign(new CloseTeleconsultationPayload(), { consultation });
  }
}
