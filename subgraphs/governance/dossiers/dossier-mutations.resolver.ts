import { OptimisticLockError, type EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { todayInVietnam } from '../../../core/time.js';
import { communeForWrite, requireOfficerOf, requireViewer } from '../common/officer-scope.js';
import { throwProblems, withConflictAsError } from '../common/write-errors.js';
import { unitLoader } from '../units/unit-registry.js';
import { DossierStatus } from './dossier-enums.js';
import { checkDossierDraft, toDossier, type DossierDraft } from './dossier.rules.js';
import { canTransition, DOSSIER_TRANSITIONS, isFinal } from './dossier-status.rules.js';
import { Dossier } from './dossier.entity.js';
import { statusChange } from './dossier-history.js';
import { toDossierView } from './dossier.store.js';
import { ChangeDossierStatusInput, ChangeDossierStatusPayload, ReceiveDossierInput, ReceiveDossierPayload } from './dossier.type.js';

/** Checks the transition and the instant, then updates the dossier (version-checked on flush) and records the change. */
async function applyStatusChange(tx: EntityManager, input: ChangeDossierStatusInput, at: Date, now: Date, recordedBy: string) {
  const dossier = (await tx.findOne(Dossier, { id: input.dossierId }, { refresh: true }))!;
  const from = dossier.status;
  if (!canTransition(from, input.status)) {
    const allowed = DOSSIER_TRANSITIONS[from];
    throw invalidInput(
      `A ${from} dossier cannot become ${input.status}: ${allowed.length ? `it can become ${allowed.join(', ')}` : `${from} is final`}.`,
      'input.status',
      { from, allowed },
    );
  }
  const next: DossierDraft = { ...dossier, status: input.status, completedAt: isFinal(input.status) ? at : null };
  throwProblems(checkDossierDraft(next, now).map((p) => ({ ...p, field: p.field === 'completedAt' ? 'at' : p.field })));
  if (at.getTime() > now.getTime() + 5 * 60_000) throw invalidInput(`at ${at.toISOString()} is in the future.`, 'input.at');
  if (at.getTime() < dossier.statusChangedAt.getTime()) {
    throw invalidInput(`at ${at.toISOString()} is before the dossier's last change (${dossier.statusChangedAt.toISOString()}).`, 'input.at');
  }
  dossier.status = input.status;
  dossier.completedAt = next.completedAt;
  dossier.statusChangedAt = at;
  tx.persist(statusChange(dossier.id, from, input.status, at, recordedBy));
  return { dossier, from };
}

/** Problem fields of a draft, as paths of the receiveDossier input. */
const RECEIVE_FIELDS: Record<string, string> = { applicantName: 'applicant.name', applicantIdNumber: 'applicant.idNumber', applicantPhone: 'applicant.phone' };

@Resolver()
export class DossierMutationsResolver {
  @Mutation(() => ReceiveDossierPayload, {
    description: 'Records a dossier received at the one-stop desk, in status RECEIVED. Officers of that commune only. CONFLICT when the code is already used in the commune.',
  })
  async receiveDossier(
    @Arg('input', () => ReceiveDossierInput, { description: 'The dossier.' }) input: ReceiveDossierInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ReceiveDossierPayload> {
    const viewer = requireViewer(context);
    const receivedOn = input.receivedAt instanceof Date && !Number.isNaN(input.receivedAt.getTime()) ? todayInVietnam(input.receivedAt) : todayInVietnam();
    await communeForWrite(context, input.communeId, receivedOn, 'input.communeId', 'input.receivedAt');
    const draft: DossierDraft = {
      ...input,
      status: DossierStatus.RECEIVED,
      completedAt: null,
      applicantName: input.applicant.name,
      applicantIdNumber: input.applicant.idNumber,
      applicantPhone: input.applicant.phone,
    };
    throwProblems(checkDossierDraft(draft).map((p) => ({ ...p, field: RECEIVE_FIELDS[p.field] ?? p.field })));
    const dossier = toDossier(draft);
    await withConflictAsError(
      () =>
        context.em.transactional(async (tx) => {
          if (await tx.findOne(Dossier, { id: dossier.id })) {
            throw conflict(`Dossier code "${dossier.code}" is already recorded in this commune: codes are unique; look the dossier up instead.`, { field: 'input.code' });
          }
          tx.persist(dossier);
          tx.persist(statusChange(dossier.id, null, DossierStatus.RECEIVED, dossier.receivedAt, viewer.subject));
        }),
      'A dossier with this code was recorded at the same moment.',
    );
    return { dossier: toDossierView(dossier) };
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
    const viewer = requireViewer(context);
    const now = new Date();
    const at = input.at ?? now;
    const found = await context.em.findOne(Dossier, { id: input.dossierId });
    if (!found) throw notFound(`No dossier has id "${input.dossierId}": take the id from the commune's dossier list.`);
    const unit = await unitLoader(context).load(found.communeId);
    requireOfficerOf(context, unit ?? { id: found.communeId, code: '', name: found.communeId });
    // Inside the transaction use only `tx`: SQLite has one connection, which the transaction holds.
    const result = await context.em.transactional((tx) => applyStatusChange(tx, input, at, now, viewer.subject)).catch((error: unknown) => {
      if (error instanceof OptimisticLockError) {
        throw conflict('The dossier was changed by someone else meanwhile: read it again and retry.', { field: 'input.dossierId' });
      }
      throw error;
    });
    return { dossier: toDossierView(result.dossier), previousStatus: result.from };
  }
}
