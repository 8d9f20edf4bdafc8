import { DossierStatus } from './dossier-enums.js';

/**
 * The allowed status transitions of a dossier. RESOLVED (result issued), RETURNED (handed back
 * without a result), REJECTED (refused, with a reason) and WITHDRAWN (by the applicant) are final.
 */
export const DOSSIER_TRANSITIONS: Record<DossierStatus, readonly DossierStatus[]> = {
  [DossierStatus.RECEIVED]: [DossierStatus.PROCESSING, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.REJECTED, DossierStatus.WITHDRAWN],
  [DossierStatus.PROCESSING]: [
    DossierStatus.SUPPLEMENT_REQUESTED,
    DossierStatus.RESOLVED,
    DossierStatus.RETURNED,
    DossierStatus.REJECTED,
    DossierStatus.WITHDRAWN,
  ],
  [DossierStatus.SUPPLEMENT_REQUESTED]: [DossierStatus.PROCESSING, DossierStatus.REJECTED, DossierStatus.WITHDRAWN],
  [DossierStatus.RESOLVED]: [],
  [DossierStatus.RETURNED]: [],
  [DossierStatus.REJECTED]: [],
  [DossierStatus.WITHDRAWN]: [],
};

export const FINAL_STATUSES: readonly DossierStatus[] = [DossierStatus.RESOLVED, DossierStatus.RETURNED, DossierStatus.REJECTED, DossierStatus.WITHDRAWN];

/** Statuses in which the dossier is still being handled (counts toward "overdue now"). */
export const OPEN_STATUSES: readonly DossierStatus[] = [DossierStatus.RECEIVED, DossierStatus.PROCESSING, DossierStatus.SUPPLEMENT_REQUESTED];

export function isFinal(status: DossierStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function canTransition(from: DossierStatus, to: DossierStatus): boolean {
  return DOSSIER_TRANSITIONS[from].includes(to);
}
