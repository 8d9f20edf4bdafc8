import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { SchoolSystem, SchoolSystemKind } from '../education/school-system.entity.js';
import { School, SchoolLevel } from '../education/school.entity.js';

/**
 * The pilot's smart-education rollout (DOMAIN.md section 1): in Liên Sơn, Viễn thông Hòa Bình
 * handed the software to the schools for use from Dec 2021; in Nam Thượng, Viettel Hòa Bình created
 * the schools' accounts in Dec 2021 for use from Jan 2022. ASSUMPTION: the source names neither the
 * schools nor the systems; each commune is given the usual preschool, primary and lower-secondary
 * school, and the "software systems" a school-management system (all schools) and an e-learning
 * system (primary and lower secondary).
 */
const SOURCE_LIEN_SON = 'Pilot report, Dec 2021: software handed over to Liên Sơn schools for use from Dec 2021.';
const SOURCE_NAM_THUONG = 'Pilot report, Dec 2021: accounts created Dec 2021, use expected from Jan 2022.';

const COMMUNES = [
  { commune: PILOT_COMMUNES.lienSon, provider: 'Viễn thông Hòa Bình (VNPT)', accountsCreatedOn: null, liveFrom: '2021-12-01', source: SOURCE_LIEN_SON },
  { commune: PILOT_COMMUNES.namThuong, provider: 'Viettel Hòa Bình', accountsCreatedOn: '2021-12-01', liveFrom: '2022-01-01', source: SOURCE_NAM_THUONG },
];

const LEVELS: [SchoolLevel, string, string][] = [
  [SchoolLevel.PRESCHOOL, 'mn', 'Trường Mầm non'],
  [SchoolLevel.PRIMARY, 'th', 'Trường Tiểu học'],
  [SchoolLevel.LOWER_SECONDARY, 'thcs', 'Trường THCS'],
];

export const PILOT_SCHOOLS: School[] = [];
export const PILOT_SCHOOL_SYSTEMS: SchoolSystem[] = [];
for (const { commune, provider, accountsCreatedOn, liveFrom, source } of COMMUNES) {
  for (const [level, slug, prefix] of LEVELS) {
    const schoolId = `${commune.id}:${slug}`;
    PILOT_SCHOOLS.push(Object.assign(new School(), { id: schoolId, communeId: commune.id, name: `${prefix} ${commune.name}`, level }));
    const kinds: [SchoolSystemKind, string][] = [[SchoolSystemKind.SCHOOL_MANAGEMENT, 'Phần mềm quản lý nhà trường']];
    if (level !== SchoolLevel.PRESCHOOL) kinds.push([SchoolSystemKind.E_LEARNING, 'Hệ thống học và kiểm tra trực tuyến']);
    for (const [kind, name] of kinds) {
      PILOT_SCHOOL_SYSTEMS.push(
        Object.assign(new SchoolSystem(), { id: `${schoolId}:${kind.toLowerCase()}`, schoolId, kind, name, provider, accountsCreatedOn, liveFrom, retiredOn: null, source }),
      );
    }
  }
}

/** Idempotent: upserts by id. */
export async function seedPilotSchools(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.upsertMany(School, PILOT_SCHOOLS);
    await tx.upsertMany(SchoolSystem, PILOT_SCHOOL_SYSTEMS);
  });
}
