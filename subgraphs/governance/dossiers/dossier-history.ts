import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { recordId } from '../common/record-ids.js';
import type { DossierStatus } from './dossier-enums.js';
import { DossierStatusChange } from './dossier-status-change.entity.js';

export function statusChange(dossierId: string, fromStatus: DossierStatus | null, toStatus: DossierStatus, at: Date, recordedBy: string): DossierStatusChange {
  const recordedAt = new Date();
  return Object.assign(new DossierStatusChange(), {
    id: recordId('dsc', dossierId, toStatus, at.getTime(), recordedAt.getTime()),
    dossierId,
    fromStatus,
    toStatus,
    at,
    recordedBy,
    recordedAt,
  });
}

export function historyByDossier(context: SubgraphContext) {
  return requestLoader<string, DossierStatusChange[]>(context, 'dossierHistory', async (ids) => {
    const rows = await context.em.find(DossierStatusChange, { dossierId: { $in: [...ids] } }, { orderBy: { at: 'asc', recordedAt: 'asc' } });
    return groupByKey(ids, rows, (r) => r.dossierId);
  });
}
