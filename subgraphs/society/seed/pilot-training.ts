import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { TrainingParticipant } from '../training/training-participant.entity.js';
import { TrainingSessionCommune } from '../training/training-session-commune.entity.js';
import { TrainingSession } from '../training/training-session.entity.js';
import { ParticipantKind, TrainingAudience } from '../training/training.rules.js';

/**
 * The pilot's three trainings (DOMAIN.md "Other pilot facts", seed report):
 * - October 2021: the province's ICT centre trained both communes' officials on the shared systems
 *   (document system, reporting system, one-stop system, provincial public-service portal), posting
 *   on the commune portal, digital signatures and information security.
 * - Viettel Hòa Bình trained 20 farming households to sell on voso.vn.
 * - Vietnam Post (Bưu điện tỉnh Hòa Bình) trained 34 households and cooperatives to sell on
 *   postmart.vn; LienVietPostBank opened free accounts and e-wallets for them there.
 * ASSUMPTIONS (not in the source): the days (2021-10-15, 2021-11-10, 2021-11-20); the number of
 * officials trained (not given: attendeeCount stays null); the participants are commerce's pilot
 * producers pilot-voso-01…20 and pilot-postmart-01…34 (of which 01…04 are cooperatives), the
 * placeholders of subgraphs/commerce/seed/pilot-catalogue.ts, referenced by id only.
 */
const BOTH = [PILOT_COMMUNES.namThuong.id, PILOT_COMMUNES.lienSon.id];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Plain rows, made into entities at each seed: an entity instance persisted once stays marked as
 * managed, so a second database seeded in the same process (tests on SQLite, then PostgreSQL) would
 * skip inserting it.
 */
const PILOT_TRAINING_SESSIONS: Required<TrainingSession>[] = [
  {
    id: 'training-2021-10-officials',
    title: 'Tập huấn sử dụng các hệ thống thông tin dùng chung cho cán bộ, công chức xã',
    organiser: 'Trung tâm Công nghệ thông tin và Truyền thông, Sở TT&TT Hòa Bình',
    audiences: [TrainingAudience.OFFICIALS],
    topics: [
      'Hệ thống quản lý văn bản và điều hành',
      'Hệ thống thông tin báo cáo',
      'Hệ thống thông tin một cửa điện tử',
      'Cổng Dịch vụ công tỉnh Hòa Bình',
      'Đăng tin, bài trên trang thông tin điện tử của xã',
      'Ký số văn bản điện tử',
      'An toàn an ninh thông tin',
    ],
    heldOn: '2021-10-15',
    attendeeCount: null,
  },
  {
    id: 'training-2021-viettel-voso',
    title: 'Tập huấn đưa sản phẩm nông nghiệp lên sàn thương mại điện tử voso.vn',
    organiser: 'Viettel Hòa Bình',
    audiences: [TrainingAudience.HOUSEHOLDS],
    topics: ['Tạo tài khoản trên voso.vn', 'Viết bài, chụp ảnh, quay video quảng bá sản phẩm', 'Bán hàng trên mạng xã hội'],
    heldOn: '2021-11-10',
    attendeeCount: null,
  },
  {
    id: 'training-2021-vnpost-postmart',
    title: 'Tập huấn kỹ năng số và bán hàng trên sàn postmart.vn',
    organiser: 'Bưu điện tỉnh Hòa Bình (Vietnam Post), với Ngân hàng Bưu điện Liên Việt',
    audiences: [TrainingAudience.HOUSEHOLDS, TrainingAudience.COOPERATIVES],
    topics: ['Kỹ năng số', 'Đăng ký tài khoản thanh toán và ví điện tử', 'Mở gian hàng và tác nghiệp trên postmart.vn'],
    heldOn: '2021-11-20',
    attendeeCount: null,
  },
];

const links: Required<TrainingSessionCommune>[] = PILOT_TRAINING_SESSIONS.flatMap((s) => BOTH.map((communeId) => ({ sessionId: s.id, communeId })));

const participants: Required<TrainingParticipant>[] = [
  ...Array.from({ length: 20 }, (_, i) => ({
    id: `training-2021-viettel-voso-${pad(i + 1)}`,
    sessionId: 'training-2021-viettel-voso',
    kind: ParticipantKind.HOUSEHOLD,
    producerId: `pilot-voso-${pad(i + 1)}`,
  })),
  ...Array.from({ length: 34 }, (_, i) => ({
    id: `training-2021-vnpost-postmart-${pad(i + 1)}`,
    sessionId: 'training-2021-vnpost-postmart',
    kind: i < 4 ? ParticipantKind.COOPERATIVE : ParticipantKind.HOUSEHOLD,
    producerId: `pilot-postmart-${pad(i + 1)}`,
  })),
];

/** Idempotent: fixed ids, inserted when missing. */

/**
 * Inserts the rows whose id is missing, through the entity's own mapping: upsertMany hands a JSON
 * column's JS array to the driver as is, which PostgreSQL stores as an array literal, not JSON.
 */
async function insertMissingById<T extends { id: string }>(tx: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  const existing = new Set((await tx.find(entity as never, { id: { $in: rows.map((r) => r.id) } } as never)).map((r) => (r as T).id));
  for (const row of rows) if (!existing.has(row.id)) tx.persist(row);
}

export async function seedPilotTraining(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await insertMissingById(tx, TrainingSession, PILOT_TRAINING_SESSIONS.map((row) => Object.assign(new TrainingSession(), row)));
    await tx.upsertMany(TrainingSessionCommune, links, { onConflictAction: 'ignore' });
    await tx.upsertMany(TrainingParticipant, participants, { onConflictAction: 'ignore' });
  });
}
