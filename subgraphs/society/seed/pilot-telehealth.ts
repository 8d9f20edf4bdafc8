import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { TelehealthAccount, TelehealthAccountStatus } from '../telehealth/telehealth-account.entity.js';

/**
 * DOMAIN.md section 1: Viettel Hòa Bình surveyed both health stations and created their telehealth
 * accounts (by the Dec 2021 report), to hand over in January. The source writes "01/2021", which
 * precedes the report itself: read as January 2022. No consultations are seeded (the source gives none).
 */
const NOTE = 'Pilot report, Dec 2021: accounts created; handover planned for January (the source writes 01/2021, read as 01/2022).';

export const PILOT_TELEHEALTH_ACCOUNTS: TelehealthAccount[] = [PILOT_COMMUNES.namThuong, PILOT_COMMUNES.lienSon].map((commune) =>
  Object.assign(new TelehealthAccount(), {
    id: `${commune.id}:telehealth`,
    communeId: commune.id,
    platform: 'Telehealth (Viettel)',
    provider: 'Viettel Hòa Bình',
    status: TelehealthAccountStatus.CREATED,
    createdOn: '2021-12-01',
    handoverPlannedOn: '2022-01-01',
    handedOverOn: null,
    note: NOTE,
  }),
);

/** Idempotent: inserts the accounts that are missing, never overwriting a status changed since. */
export async function seedPilotTelehealth(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.upsertMany(TelehealthAccount, PILOT_TELEHEALTH_ACCOUNTS, { onConflictAction: 'ignore' });
  });
}
