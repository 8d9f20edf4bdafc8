import { conflict } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { todayInVietnam } from '../../../core/time.js';
import { communeForWrite, requireViewer } from '../common/officer-scope.js';
import { throwProblems, withConflictAsError } from '../common/write-errors.js';
import { DossierStatus } from './dossier-enums.js';
import { statusChange } from './dossier-history.js';
import { summaryDeltas } from './dossier-summary.rules.js';
import { applySummaryDeltas } from './dossier-summary.store.js';
import { Dossier } from './dossier.entity.js';
import { checkDossierDraft, toDossier, type DossierDraft } from './dossier.rules.js';
import type { ReceiveDossierInput } from './dossier.type.js';

/** Problem fields of a draft, as paths of the receiveDossier input. */
const RECEIVE_FIELDS: Record<string, string> = { applicantName: 'applicant.name', applicantIdNumber: 'applicant.idNumber', applicantPhone: 'applicant.phone' };

/**
 * Records a dossier received at the one-stop desk (status RECEIVED), its first history entry and its
 * count in the month summary, in one transaction. Officers of the commune only; CONFLICT on a code
 * the commune already used.
 */
export async function receiveDossier(context: SubgraphContext, input: ReceiveDossierInput): Promise<Dossier> {
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
        await applySummaryDeltas(tx, summaryDeltas([{ after: dossier }]));
      }),
    'A dossier with this code was recorded at the same moment.',
  );
  return dossier;
}
