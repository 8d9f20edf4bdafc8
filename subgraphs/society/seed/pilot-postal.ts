import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { PostalPoint } from '../postal/postal-point.entity.js';
import { PostalService } from '../postal/postal.rules.js';

/**
 * The report: both communes' postal and telecom service points were built by the provincial post
 * office earlier and still meet the needs of postal and delivery services. ASSUMPTIONS (the report
 * gives no address, service list or hours): one point per commune "Điểm Bưu điện văn hóa xã …" at
 * the commune centre, offering mail, public-service dossiers, internet access and e-commerce
 * pick-up, open "T2–T6 7:30–17:00; T7 7:30–11:30". No dossier link is seeded (the governance seed's
 * 2021 dossiers do not say which came by post).
 */
const pilotPoints = (): PostalPoint[] => [PILOT_COMMUNES.namThuong, PILOT_COMMUNES.lienSon].map((c) =>
  Object.assign(new PostalPoint(), {
    id: `postal-${c.code}-01`,
    communeId: c.id,
    name: `Điểm Bưu điện văn hóa xã ${c.name}`,
    address: `Trung tâm xã ${c.name}`,
    services: [PostalService.MAIL, PostalService.PUBLIC_SERVICE_DOSSIERS, PostalService.INTERNET_ACCESS, PostalService.ECOMMERCE_PICKUP],
    openingHours: 'T2–T6 7:30–17:00; T7 7:30–11:30',
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

/** Fresh entities at each seed, so a second database seeded in the same process gets them too. */
export async function seedPilotPostal(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await insertMissingById(tx, PostalPoint, pilotPoints());
  });
}
