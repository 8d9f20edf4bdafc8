import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { Examination } from '../health/examination.entity.js';
import { HealthHistoryEntry } from '../health/health-history-entry.entity.js';
import { HealthRecord } from '../health/health-record.entity.js';
import { HealthStation } from '../health/health-station.entity.js';
import { Vaccination } from '../health/vaccination.entity.js';
import { generateHealthRecords, seededRecordIds, type CommuneHealthSeed } from './health-records-generator.js';
import { existingIds, insertMissing } from './insert-missing.js';

/**
 * ASSUMPTION (documented in the society README): the source gives no population for either commune.
 * These are plausible figures for a mountain commune of Kim Bôi and a larger lowland commune of
 * Lương Sơn; replace them here (or update health_station) when the commune's own figure is known.
 */
export const PILOT_POPULATION_SOURCE = 'Assumed for the pilot seed: the source report gives no population (see subgraphs/society/README.md).';

export const PILOT_STATIONS: HealthStation[] = [
  { communeId: PILOT_COMMUNES.namThuong.id, name: 'Trạm y tế xã Nam Thượng', population: 3604, populationAsOf: '2021-12-01', populationSource: PILOT_POPULATION_SOURCE },
  { communeId: PILOT_COMMUNES.lienSon.id, name: 'Trạm y tế xã Liên Sơn', population: 6215, populationAsOf: '2021-12-01', populationSource: PILOT_POPULATION_SOURCE },
].map((row) => Object.assign(new HealthStation(), row));

/**
 * Nam Thượng's station entered a record for every resident by Dec 2021 (DOMAIN.md section 1), so it
 * gets one per assumed resident. The source says nothing of Liên Sơn's records: it gets none.
 */
export const PILOT_HEALTH_RECORDS: CommuneHealthSeed[] = [
  {
    communeId: PILOT_COMMUNES.namThuong.id,
    communeCode: PILOT_COMMUNES.namThuong.code,
    stationName: 'Trạm y tế xã Nam Thượng',
    residents: 3604,
    villages: ['Xóm 1', 'Xóm 2', 'Xóm 3', 'Xóm 4', 'Xóm 5', 'Xóm 6', 'Xóm 7', 'Xóm 8'],
    muongShare: 0.9,
    openedFrom: '2021-10-01',
    openedTo: '2021-12-20',
  },
];

/**
 * Idempotent and fast: record ids are derived from (commune, number), so one query tells whether
 * the seed is complete; only then are the records generated, and only what is missing is written.
 */
export async function seedPilotHealth(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.upsertMany(HealthStation, PILOT_STATIONS, { onConflictAction: 'ignore' });
    for (const commune of PILOT_HEALTH_RECORDS) {
      const existing = await existingIds(tx, HealthRecord, { communeId: commune.communeId });
      if (seededRecordIds(commune).every((id) => existing.has(id))) continue;
      const generated = generateHealthRecords(commune);
      const missingIds = new Set(generated.records.filter((r) => !existing.has(r.id)).map((r) => r.id));
      await insertMissing(tx, HealthRecord, generated.records, existing);
      // Children of the records written now; any left from a record deleted since are kept.
      const inMissing = { recordId: { $in: [...missingIds] } };
      await insertMissing(tx, HealthHistoryEntry, generated.history.filter((h) => missingIds.has(h.recordId)), await existingIds(tx, HealthHistoryEntry, inMissing));
      await insertMissing(tx, Vaccination, generated.vaccinations.filter((v) => missingIds.has(v.recordId)), await existingIds(tx, Vaccination, inMissing));
      await insertMissing(tx, Examination, generated.examinations.filter((e) => missingIds.has(e.recordId)), await existingIds(tx, Examination, inMissing));
    }
  });
}
