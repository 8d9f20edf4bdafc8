import { OptimisticLockError, type EntityManager } from '@mikro-orm/core';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { requireOfficerOf, requireViewer } from '../common/officer-scope.js';
import { throwProblems } from '../common/write-errors.js';
import { unitLoader } from '../units/unit-registry.js';
import type { DossierStatus } from './dossier-enums.js';
import { statusChange } from './dossier-history.js';
import { canTransition, DOSSIER_TRANSITIONS, isFinal } from './dossier-status.rules.js';
import { summaryDeltas } from './dossier-summary.rules.js';
import { applySummaryDeltas } from './dossier-summary.store.js';
import { Dossier } from './dossier.entity.js';
import { checkDossierDraft, type DossierDraft } from './dossier.rules.js';
import type { ChangeDossierStatusInput } from './dossier.type.js';

/**
 * Checks the transition and the instant, then updates the dossier (version-checked on flush, so the
 * state the summary delta subtracts is the one replaced), records the change and moves its count.
 */
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
  const before = { ...dossier };
  dossier.status = input.status;
  dossier.completedAt = next.completedAt;
  dossier.statusChangedAt = at;
  tx.persist(statusChange(dossier.id, from, input.status, at, recordedBy));
  await applySummaryDeltas(tx, summaryDeltas([{ before, after: dossier }]));
  return { dossier, from };
}

/** Moves a dossier to a new status in one transaction. Officers of the receiving commune only; CONFLICT when someone changed it meanwhile. */
export async function changeDossierStatus(context: SubgraphContext, input: ChangeDossierStatusInput): Promise<{ dossier: Dossier; from: DossierStatus }> {
  const viewer = requireViewer(context);
  const now = new Date();
  const at = input.at ?? now;
  const found = await context.em.findOne(Dossier, { id: input.dossierId });
  if (!found) throw notFound(`No dossier has id "${input.dossierId}": take the id from the commune's dossier list.`);
  const unit = await unitLoader(context).load(found.communeId);
  requireOfficerOf(context, unit ?? { id: found.communeId, code: '', name: found.communeId });
  // Inside the transaction use only `tx`: SQLite has one connection, which the transaction holds.
  return context.em.transactional((tx) => applyStatusChange(tx, input, at, now, viewer.subject)).catch((error: unknown) => {
    if (error instanceof OptimisticLockError) {
      throw conflict('The dossier was changed by someone else meanwhile: read it again and retry.', { field: 'input.dossierId' });
    }
    throw error;
  });
}
