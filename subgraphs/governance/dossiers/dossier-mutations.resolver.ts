import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { changeDossierStatus } from './change-dossier-status.command.js';
import { toDossierView } from './dossier.store.js';
import { ChangeDossierStatusInput, ChangeDossierStatusPayload, ReceiveDossierInput, ReceiveDossierPayload } from './dossier.type.js';
import { receiveDossier } from './receive-dossier.command.js';

@Resolver()
export class DossierMutationsResolver {
  @Mutation(() => ReceiveDossierPayload, {
    description: 'Records a dossier received at the one-stop desk, in status RECEIVED. Officers of that commune only. CONFLICT when the code is already used in the commune.',
  })
  async receiveDossier(
    @Arg('input', () => ReceiveDossierInput, { description: 'The dossier.' }) input: ReceiveDossierInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ReceiveDossierPayload> {
    return { dossier: toDossierView(await receiveDossier(context, input)) };
  }

  @Mutation(() => ChangeDossierStatusPayload, {
    description:
      'Moves a dossier to a new status. Allowed: RECEIVED → PROCESSING, SUPPLEMENT_REQUESTED, REJECTED, WITHDRAWN; PROCESSING → SUPPLEMENT_REQUESTED, ' +
      'RESOLVED, RETURNED, REJECTED, WITHDRAWN; SUPPLEMENT_REQUESTED → PROCESSING, REJECTED, WITHDRAWN; final statuses never change. ' +
      'A final status sets completedAt. Officers of the receiving commune only.',
  })
  async changeDossierStatus(
    @Arg('input', () => ChangeDossierStatusInput, { description: 'The change.' }) input: ChangeDossierStatusInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ChangeDossierStatusPayload> {
    const { dossier, from } = await changeDossierStatus(context, input);
    return { dossier: toDossierView(dossier), previousStatus: from };
  }
}
