import { bumpRegistryVersion, forgetUnitSnapshot } from '../units/unit-snapshot.store.js';
import type { EntityManager } from '@mikro-orm/core';
import { foldForSearch } from '../../../core/text.js';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { AdministrativeUnit, CommuneKind, UnitLevel } from '../units/administrative-unit.entity.js';
import { SuccessionShare, UnitSuccession } from '../units/unit-succession.entity.js';

const REFORM_DAY = '2025-07-01';
const LAST_DAY_BEFORE_REFORM = '2025-06-30';
const PROVINCE_MERGER = 'Resolution 60-NQ/TW; GSO letter 915/CTK-CSCL';
const COMMUNE_MERGER = 'Resolution 1676/NQ-UBTVQH15';

type UnitRow = Pick<AdministrativeUnit, 'id' | 'code' | 'level' | 'name'> & Partial<AdministrativeUnit>;

/** The pilot's administrative units before and after the 2025 reform (DOMAIN.md section 2). */
export const PILOT_UNITS: UnitRow[] = [
  { id: '17/1', code: '17', level: UnitLevel.PROVINCE, name: 'Hòa Bình', kindName: 'Tỉnh', validTo: LAST_DAY_BEFORE_REFORM },
  { id: '25/1', code: '25', level: UnitLevel.PROVINCE, name: 'Phú Thọ', kindName: 'Tỉnh', validTo: LAST_DAY_BEFORE_REFORM },
  { id: '26/1', code: '26', level: UnitLevel.PROVINCE, name: 'Vĩnh Phúc', kindName: 'Tỉnh', validTo: LAST_DAY_BEFORE_REFORM },
  { id: '25/2', code: '25', level: UnitLevel.PROVINCE, name: 'Phú Thọ', kindName: 'Tỉnh', validFrom: REFORM_DAY, legalBasis: PROVINCE_MERGER },
  { id: '152/1', code: '152', level: UnitLevel.DISTRICT, name: 'Lương Sơn', kindName: 'Huyện', provinceId: '17/1', validTo: LAST_DAY_BEFORE_REFORM },
  { id: '153/1', code: '153', level: UnitLevel.DISTRICT, name: 'Kim Bôi', kindName: 'Huyện', provinceId: '17/1', validTo: LAST_DAY_BEFORE_REFORM },
  ...[
    ['05035/1', '05035', 'Kim Lập', '153/1'],
    [PILOT_COMMUNES.namThuong.id, PILOT_COMMUNES.namThuong.code, PILOT_COMMUNES.namThuong.name, '153/1'],
    ['05080/1', '05080', 'Sào Báy', '153/1'],
    ['04957/1', '04957', 'Cao Sơn', '152/1'],
    ['04960/1', '04960', 'Cư Yên', '152/1'],
    [PILOT_COMMUNES.lienSon.id, PILOT_COMMUNES.lienSon.code, PILOT_COMMUNES.lienSon.name, '152/1'],
  ].map(([id, code, name, districtId]) => ({
    id,
    code,
    name,
    districtId,
    level: UnitLevel.COMMUNE,
    kind: CommuneKind.COMMUNE,
    kindName: 'Xã',
    provinceId: '17/1',
    validTo: LAST_DAY_BEFORE_REFORM,
  })),
  ...[PILOT_COMMUNES.hopKim, PILOT_COMMUNES.lienSon2025].map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    level: UnitLevel.COMMUNE,
    kind: CommuneKind.COMMUNE,
    kindName: 'Xã',
    provinceId: '25/2',
    validFrom: REFORM_DAY,
    legalBasis: COMMUNE_MERGER,
  })),
];

export const PILOT_SUCCESSIONS: UnitSuccession[] = (
  [
    ['17/1', '25/2', SuccessionShare.WHOLE],
    ['25/1', '25/2', SuccessionShare.WHOLE],
    ['26/1', '25/2', SuccessionShare.WHOLE],
    ['05035/1', PILOT_COMMUNES.hopKim.id, SuccessionShare.WHOLE],
    [PILOT_COMMUNES.namThuong.id, PILOT_COMMUNES.hopKim.id, SuccessionShare.WHOLE],
    ['05080/1', PILOT_COMMUNES.hopKim.id, SuccessionShare.WHOLE],
    ['04960/1', PILOT_COMMUNES.lienSon2025.id, SuccessionShare.WHOLE],
    [PILOT_COMMUNES.lienSon.id, PILOT_COMMUNES.lienSon2025.id, SuccessionShare.WHOLE],
    ['04957/1', PILOT_COMMUNES.lienSon2025.id, SuccessionShare.PART],
  ] as const
).map(([predecessorId, successorId, share]) => Object.assign(new UnitSuccession(), { predecessorId, successorId, share }));

/** Idempotent: upserts by id, so a second start changes nothing. */
export async function seedPilotUnits(em: EntityManager): Promise<void> {
  const units = PILOT_UNITS.map((row) =>
    Object.assign(new AdministrativeUnit(), {
      kind: null,
      provinceId: null,
      districtId: null,
      validFrom: null,
      validTo: null,
      legalBasis: null,
      kindName: null,
      ...row,
      nameSearch: foldForSearch(row.name),
    }),
  );
  await em.transactional(async (tx) => {
    await tx.upsertMany(AdministrativeUnit, units);
    await tx.upsertMany(UnitSuccession, PILOT_SUCCESSIONS);
    await bumpRegistryVersion(tx);
  });
  // This process reads the registry from memory (unit-snapshot.store.ts): it sees the seed at once.
  forgetUnitSnapshot(em);
}
