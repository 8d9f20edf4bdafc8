import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { MobileGeneration, MobileOperator } from '../connectivity/connectivity.rules.js';
import { VillageConnectivity } from '../connectivity/village-connectivity.entity.js';
import { InstallationState } from '../equipment-status.js';
import { ItEquipment } from '../inventory/it-equipment.entity.js';
import { ItEquipmentKind, ItEquipmentStatus } from '../inventory/inventory.rules.js';
import { VideoRoom } from '../video/video-room.entity.js';
import { NETWORK_LEVELS } from '../video/video.rules.js';

/**
 * The pilot's telecom and office infrastructure (DOMAIN.md "Other pilot facts", source of Dec 2021):
 * - "100% of villages in both communes have 3G and fixed broadband" after Viettel and VNPT Hòa Bình
 *   surveyed them. ASSUMPTIONS (the source names no village, date or coverage detail): 8 villages
 *   per commune named "Thôn 1" … "Thôn 8"; each covered by Viettel and VinaPhone with 2G and 3G;
 *   surveyed on 2021-12-01; fixed broadband in each.
 * - The LAN was upgraded with security monitoring and protection devices, and IT equipment and
 *   computers were added. ASSUMPTION (no counts given): one firewall and one switch per commune.
 * - One video-conference room per commune connected to all four levels (installed by VNPT Hòa Bình);
 *   the install day is unknown. No meeting is seeded: the source gives none.
 * Fixed ids, inserted only when missing, so restarts never undo what officers changed since.
 */
export const PILOT_SURVEY_DAY = '2021-12-01';
const SOURCE = 'Viettel Hòa Bình, VNPT Hòa Bình survey (pilot report, Dec 2021)';
const VILLAGES_PER_COMMUNE = 8;
const COMMUNES = [PILOT_COMMUNES.namThuong, PILOT_COMMUNES.lienSon];

const pilotVillageConnectivity = (): VillageConnectivity[] => COMMUNES.flatMap((c) =>
  Array.from({ length: VILLAGES_PER_COMMUNE }, (_, i) =>
    Object.assign(new VillageConnectivity(), {
      id: `village-${c.code}-${String(i + 1).padStart(2, '0')}-${PILOT_SURVEY_DAY}`,
      communeId: c.id,
      village: `Thôn ${i + 1}`,
      villageKey: `thon ${i + 1}`,
      coverage: [MobileOperator.VIETTEL, MobileOperator.VINAPHONE].flatMap((operator) => [MobileGeneration.G2, MobileGeneration.G3].map((generation) => ({ operator, generation }))),
      fixedBroadband: true,
      surveyedOn: PILOT_SURVEY_DAY,
      source: SOURCE,
    }),
  ),
);

const pilotItEquipment = (): ItEquipment[] => COMMUNES.flatMap((c) =>
  [
    [ItEquipmentKind.FIREWALL, 'Thiết bị giám sát và bảo vệ an toàn thông tin mạng LAN'],
    [ItEquipmentKind.NETWORK_SWITCH, 'Switch mạng LAN (nâng cấp 2021)'],
  ].map(([kind, description], i) =>
    Object.assign(new ItEquipment(), {
      id: `it-${c.code}-${String(i + 1).padStart(2, '0')}`,
      communeId: c.id,
      kind,
      description,
      count: 1,
      acquiredOn: null,
      status: ItEquipmentStatus.IN_USE,
      note: 'Pilot 2021 LAN upgrade; the count is an assumption (the source gives none).',
    }),
  ),
);

const pilotVideoRooms = (): VideoRoom[] => COMMUNES.map((c) =>
  Object.assign(new VideoRoom(), {
    id: `video-${c.code}-01`,
    communeId: c.id,
    name: `Phòng họp trực tuyến UBND xã ${c.name}`,
    equipment: 'Hệ thống hội nghị truyền hình (Viễn thông Hòa Bình, 2021)',
    connectedLevels: [...NETWORK_LEVELS],
    state: InstallationState.INSTALLED,
    installedOn: null,
  }),
);


/**
 * Inserts the rows whose id is missing, through the entity's own mapping: upsertMany hands a JSON
 * column's JS array to the driver as is, which PostgreSQL stores as an array literal, not JSON.
 */
async function insertMissingById<T extends { id: string }>(tx: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  const existing = new Set((await tx.find(entity as never, { id: { $in: rows.map((r) => r.id) } } as never)).map((r) => (r as T).id));
  for (const row of rows) if (!existing.has(row.id)) tx.persist(row);
}

/**
 * Fresh entities at each seed: an instance persisted once stays managed by that ORM, so a second
 * database seeded in the same process (tests on SQLite, then PostgreSQL) would skip inserting it.
 */
export async function seedPilotInfrastructure(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await insertMissingById(tx, VillageConnectivity, pilotVillageConnectivity());
    await tx.upsertMany(ItEquipment, pilotItEquipment(), { onConflictAction: 'ignore' });
    await insertMissingById(tx, VideoRoom, pilotVideoRooms());
  });
}
