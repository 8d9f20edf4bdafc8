import { randomUUID } from 'node:crypto';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { requireCommuneId } from '../commune/commune-id.js';
import { optionalText, requireText } from '../common/input-text.js';
import { requireHealthStaffOf } from '../health/health-access.rules.js';
import { Teleconsultation, TeleconsultationStatus } from './teleconsultation.entity.js';
import { TelehealthAccount } from './telehealth-account.entity.js';

export interface NewTeleconsultation {
  communeId: string;
  scheduledAt: Date;
  specialist: string;
  specialty?: string | null;
  hospital?: string | null;
}

/** Health staff of the commune book a consultation on the station's account (the first by platform); CONFLICT if it has none. */
export async function scheduleTeleconsultation(context: SubgraphContext, input: NewTeleconsultation): Promise<Teleconsultation> {
  const communeId = requireCommuneId(input.communeId, 'input.communeId');
  const specialist = requireText(input.specialist, 'input.specialist', 2, 200);
  const specialty = optionalText(input.specialty, 'input.specialty', 100);
  const hospital = optionalText(input.hospital, 'input.hospital', 200);
  requireHealthStaffOf(context, communeId);
  return context.em.transactional(async (tx) => {
    const account = await tx.findOne(TelehealthAccount, { communeId }, { orderBy: { platform: 'asc' } });
    if (!account) throw conflict('This commune\'s health station has no telehealth account: one must be created first.');
    const now = new Date();
    const row = Object.assign(new Teleconsultation(), {
      id: randomUUID(),
      accountId: account.id,
      communeId,
      scheduledAt: input.scheduledAt,
      specialist,
      specialty,
      hospital,
      status: TeleconsultationStatus.SCHEDULED,
      createdAt: now,
      updatedAt: now,
    });
    tx.persist(row);
    return row;
  });
}

/** A scheduled consultation ends COMPLETED or CANCELLED, once (CONFLICT when already closed). */
export async function closeTeleconsultation(context: SubgraphContext, consultationId: string, status: TeleconsultationStatus): Promise<Teleconsultation> {
  if (status === TeleconsultationStatus.SCHEDULED) throw invalidInput('Close a consultation as COMPLETED or CANCELLED.', 'input.status');
  return context.em.transactional(async (tx) => {
    const row = await tx.findOne(Teleconsultation, { id: consultationId });
    if (!row) throw notFound('No teleconsultation has that id.');
    requireHealthStaffOf(context, row.communeId);
    if (row.status !== TeleconsultationStatus.SCHEDULED) throw conflict(`The consultation is already ${row.status}.`, { status: row.status });
    row.status = status;
    row.updatedAt = new Date();
    return row;
  });
}
