import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { Examination } from './examination.entity.js';
import { HealthHistoryEntry } from './health-history-entry.entity.js';
import { HealthStation } from './health-station.entity.js';
import { HealthRecord } from './health-record.entity.js';
import { Vaccination } from './vaccination.entity.js';

/** Per-request batched lookups, so a page of records costs one query per part, not one per record. */
export function historyByRecord(context: SubgraphContext) {
  return requestLoader<string, HealthHistoryEntry[]>(context, 'healthHistoryByRecord', async (ids) => {
    const rows = await context.em.find(HealthHistoryEntry, { recordId: { $in: [...ids] } }, { orderBy: { kind: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.recordId);
  });
}

export function vaccinationsByRecord(context: SubgraphContext) {
  return requestLoader<string, Vaccination[]>(context, 'vaccinationsByRecord', async (ids) => {
    const rows = await context.em.find(Vaccination, { recordId: { $in: [...ids] } }, { orderBy: { givenOn: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.recordId);
  });
}

export function examinationsByRecord(context: SubgraphContext) {
  return requestLoader<string, Examination[]>(context, 'examinationsByRecord', async (ids) => {
    const rows = await context.em.find(Examination, { recordId: { $in: [...ids] } }, { orderBy: { examinedOn: 'desc', id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.recordId);
  });
}

export function stationByCommune(context: SubgraphContext) {
  return requestLoader<string, HealthStation | null>(context, 'healthStationByCommune', async (ids) => {
    const rows = await context.em.find(HealthStation, { communeId: { $in: [...ids] } });
    const byId = new Map(rows.map((r) => [r.communeId, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function recordCountByCommune(context: SubgraphContext) {
  return requestLoader<string, number>(context, 'healthRecordCountByCommune', (ids) =>
    Promise.all(ids.map((communeId) => context.em.count(HealthRecord, { communeId }))),
  );
}
