import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { bulkWrite } from '../common/bulk-write.js';
import { rebuildDossierSummary } from '../dossiers/dossier-summary.store.js';
import { DossierChannel, DossierStatus, OnlineLevel } from '../dossiers/dossier-enums.js';
import { DOSSIER_COLUMNS, dossierRow, toDossier } from '../dossiers/dossier.rules.js';
import type { Dossier } from '../dossiers/dossier.entity.js';
import { DAY_MS, dayOfYear, daysInYear, HOUR_MS, vietnamInstant } from './pilot-calendar.js';
import { PILOT_YEARS, spread, type PilotYear } from './pilot-figures.js';

/**
 * Commune-level procedures commonly handled at a one-stop desk, with a processing time in days.
 * Codes follow the national database of administrative procedures; the seed uses them as
 * illustrations, not as an authoritative catalogue.
 */
export const PILOT_PROCEDURES = [
  { code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', days: 1 },
  { code: '1.000894', name: 'Đăng ký kết hôn', field: 'Hộ tịch', days: 3 },
  { code: '1.000656', name: 'Đăng ký khai tử', field: 'Hộ tịch', days: 1 },
  { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', days: 3 },
  { code: '2.000815', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực', days: 1 },
  { code: '2.000884', name: 'Chứng thực chữ ký trong giấy tờ, văn bản', field: 'Chứng thực', days: 1 },
  { code: '1.001776', name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng', field: 'Bảo trợ xã hội', days: 15 },
  { code: '1.003596', name: 'Đăng ký thường trú', field: 'Đăng ký, quản lý cư trú', days: 7 },
] as const;

const FAMILY = ['Bùi', 'Đinh', 'Quách', 'Nguyễn', 'Trần', 'Hoàng', 'Xa', 'Lê'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Thu', 'Minh'];
const GIVEN = ['An', 'Bình', 'Chung', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phương', 'Quân', 'Thảo', 'Tuấn', 'Yến'];
/** Of the dossiers not resolved in the year: mostly returned or withdrawn, a few still open. */
const UNRESOLVED = [
  DossierStatus.RETURNED, DossierStatus.RETURNED, DossierStatus.RETURNED, DossierStatus.WITHDRAWN, DossierStatus.RETURNED,
  DossierStatus.WITHDRAWN, DossierStatus.REJECTED, DossierStatus.RETURNED, DossierStatus.PROCESSING, DossierStatus.SUPPLEMENT_REQUESTED,
];

/** The dossiers of one commune-year; counts reproduce the report's received, on time, overdue and online. */
export function pilotDossiers(py: PilotYear): Dossier[] {
  const { received, resolvedOnTime, resolvedOverdue, online } = py.dossiers;
  const days = daysInYear(py.year);
  const code = PILOT_COMMUNES[py.communeKey].code;
  const dossiers: Dossier[] = [];
  let notOnTime = 0;
  let unresolved = 0;
  for (let i = 0; i < received; i++) {
    const procedure = PILOT_PROCEDURES[(i * 5 + Math.floor(i / 8)) % PILOT_PROCEDURES.length];
    const receivedAt = vietnamInstant(dayOfYear(py.year, Math.floor((i * days) / received)), 8 + (i % 8), (i * 7) % 60);
    const dueAt = new Date(receivedAt.getTime() + procedure.days * DAY_MS);
    let status: DossierStatus;
    let completedAt: Date | null;
    if (spread(i, resolvedOnTime, received)) {
      status = DossierStatus.RESOLVED;
      completedAt = new Date(receivedAt.getTime() + Math.max(2 * HOUR_MS, (procedure.days * DAY_MS) / 2));
    } else if (spread(notOnTime++, resolvedOverdue, received - resolvedOnTime)) {
      status = DossierStatus.RESOLVED;
      completedAt = new Date(dueAt.getTime() + 2 * DAY_MS);
    } else {
      status = UNRESOLVED[unresolved++ % UNRESOLVED.length];
      completedAt = status === DossierStatus.PROCESSING || status === DossierStatus.SUPPLEMENT_REQUESTED ? null : new Date(receivedAt.getTime() + DAY_MS);
    }
    const isOnline = spread(i, online, received);
    const person = i * 7919;
    dossiers.push(
      toDossier({
        communeId: py.communeId,
        code: `${code}-${py.year}-${String(i + 1).padStart(5, '0')}`,
        procedureCode: procedure.code,
        procedureName: procedure.name,
        procedureField: procedure.field,
        channel: isOnline ? DossierChannel.ONLINE : i % 23 === 0 ? DossierChannel.POSTAL : DossierChannel.DIRECT,
        onlineLevel: isOnline ? (i % 5 === 0 ? OnlineLevel.LEVEL_4 : OnlineLevel.LEVEL_3) : null,
        receivedAt,
        dueAt,
        completedAt,
        status,
        applicantName: `${FAMILY[person % FAMILY.length]} ${MIDDLE[(person >> 3) % MIDDLE.length]} ${GIVEN[(person >> 5) % GIVEN.length]}`,
        // Synthetic CCCD numbers: Hòa Bình's prefix 017, then digits no real card carries (starting 9).
        applicantIdNumber: `0179${String(100_000_000 + ((person * 31) % 800_000_000)).padStart(8, '0').slice(-8)}`,
      }),
    );
  }
  return dossiers;
}

/** Inserts the pilot dossiers missing (a re-seed keeps changes made since), then recounts the pilot communes' month summary. */
export async function seedPilotDossiers(em: EntityManager): Promise<void> {
  const rows = PILOT_YEARS.flatMap((py) => pilotDossiers(py).map(dossierRow));
  const communeIds = [...new Set(PILOT_YEARS.map((py) => py.communeId))].sort();
  await em.transactional(async (tx) => {
    await bulkWrite(tx, { table: 'dossier', columns: DOSSIER_COLUMNS, key: ['id'], onConflict: 'ignore' }, rows);
    await rebuildDossierSummary(tx, communeIds);
  });
}
