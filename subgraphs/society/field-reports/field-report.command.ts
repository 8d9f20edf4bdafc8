import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../shared/roles.js';
import { conflict, notFound } from '../../../core/domain-errors.js';
import { FieldReportAction, FieldReportEvent } from './field-report-event.entity.js';
import { FieldReport, FieldReportStatus } from './field-report.entity.js';
import type { ValidSubmission } from './field-report.rules.js';
import { requireOfficerOf } from './officer-access.rules.js';
import { addressKeyOf, checkAnonymousLimit, rateKeyOf } from './anonymous-limit.rules.js';
import { recentAnonymousReceipts, type AnonymousCounter } from './anonymous-limit.store.js';
import { newReceiptCode } from './receipt-code.rules.js';
import { slaFor } from './field-report-sla.store.js';
import { addWorkingDays } from './sla.rules.js';
import { nextStatus } from './field-report-workflow.rules.js';

/** Refuses one more anonymous report when any counter is full: address first, then contact, then commune. */
async function checkAnonymousRate(em: EntityManager, communeId: string, rateKey: string | null, addressKey: string | null, now: Date): Promise<void> {
  const counters: AnonymousCounter[] = [];
  if (addressKey) counters.push({ kind: 'address', addressKey });
  if (rateKey) counters.push({ kind: 'contact', rateKey });
  counters.push({ kind: 'commune', communeId });
  for (const counter of counters) checkAnonymousLimit(counter.kind, await recentAnonymousReceipts(em, counter, now), now);
}

function event(reportId: string, at: Date, action: FieldReportAction, from: FieldReportStatus | null, to: FieldReportStatus, actor: string | null, note: string | null): FieldReportEvent {
  return Object.assign(new FieldReportEvent(), { id: randomUUID(), reportId, at, action, fromStatus: from, toStatus: to, actorSubject: actor, note });
}

/** Stores a new report (one transaction: report and its first history entry), rate-limiting anonymous senders. */
export async function submitReport(em: EntityManager, viewer: Viewer | null, input: ValidSubmission, clientAddress?: string): Promise<FieldReport> {
  const now = new Date();
  const rateKey = viewer ? null : rateKeyOf(input.reporterPhone, input.reporterEmail);
  const addressKey = viewer ? null : addressKeyOf(clientAddress);
  return em.transactional(async (tx) => {
    if (!viewer) await checkAnonymousRate(tx, input.communeId, rateKey, addressKey, now);
    const { workingDays } = await slaFor(tx, input.communeId, input.category);
    const report = Object.assign(new FieldReport(), {
      ...input,
      id: randomUUID(),
      receiptCode: newReceiptCode(),
      reporterSubject: viewer?.subject ?? null,
      rateKey,
      addressKey,
      status: FieldReportStatus.RECEIVED,
      assignedUnit: null,
      refusalReason: null,
      resolution: null,
      receivedAt: now,
      dueAt: addWorkingDays(now, workingDays),
      resolvedAt: null,
      resolvedOnTime: null,
      reopenCount: 0,
      updatedAt: now,
    });
    tx.persist(report);
    tx.persist(event(report.id, now, FieldReportAction.SUBMIT, null, FieldReportStatus.RECEIVED, viewer?.subject ?? null, null));
    return report;
  });
}

type Changes = Partial<Pick<FieldReport, 'assignedUnit' | 'refusalReason' | 'resolution' | 'resolvedAt' | 'resolvedOnTime' | 'dueAt' | 'reopenCount'>>;

/**
 * Applies one workflow step in one transaction. The update is conditional on the status read, so
 * of two officers acting at once on the same report, the second gets CONFLICT instead of
 * silently overwriting the first.
 */
async function applyStep(
  em: EntityManager,
  find: Record<string, string>,
  action: FieldReportAction,
  authorize: (report: FieldReport) => string | null,
  changes: (report: FieldReport, now: Date, tx: EntityManager) => Promise<Changes> | Changes,
  note: string | null,
): Promise<FieldReport> {
  return em.transactional(async (tx) => {
    const report = await tx.findOne(FieldReport, find, { disableIdentityMap: true });
    if (!report) throw notFound('No field report has that id (or receipt code): check it, or look the report up first.');
    const actor = authorize(report);
    const from = report.status;
    const to = nextStatus(from, action);
    const now = new Date();
    const update = { ...(await changes(report, now, tx)), status: to, updatedAt: now };
    const updated = await tx.nativeUpdate(FieldReport, { id: report.id, status: from }, update);
    if (updated !== 1) throw conflict('The report changed while you were acting on it: reload it and try again.', { reason: 'CONCURRENT_CHANGE' });
    await tx.insert(FieldReportEvent, event(report.id, now, action, from, to, actor, note));
    return Object.assign(report, update);
  });
}

const officerOf = (viewer: Viewer | null, what: string) => (report: FieldReport) => requireOfficerOf(viewer, report.communeId, what).subject;

export function assignReport(em: EntityManager, viewer: Viewer | null, reportId: string, unit: string): Promise<FieldReport> {
  return applyStep(em, { id: reportId }, FieldReportAction.ASSIGN, officerOf(viewer, 'assign its field reports'), () => ({ assignedUnit: unit }), unit);
}

export function startReport(em: EntityManager, viewer: Viewer | null, reportId: string, note: string | null): Promise<FieldReport> {
  return applyStep(em, { id: reportId }, FieldReportAction.START, officerOf(viewer, 'work on its field reports'), () => ({}), note);
}

export function resolveReport(em: EntityManager, viewer: Viewer | null, reportId: string, resolution: string): Promise<FieldReport> {
  return applyStep(
    em,
    { id: reportId },
    FieldReportAction.RESOLVE,
    officerOf(viewer, 'resolve its field reports'),
    (report, now) => ({ resolution, resolvedAt: now, resolvedOnTime: now.getTime() <= report.dueAt.getTime() }),
    resolution,
  );
}

export function refuseReport(em: EntityManager, viewer: Viewer | null, reportId: string, reason: string): Promise<FieldReport> {
  return applyStep(em, { id: reportId }, FieldReportAction.REFUSE, officerOf(viewer, 'refuse its field reports'), () => ({ refusalReason: reason }), reason);
}

/** The reporter, holding the receipt code, reopens a resolved or refused report: it is received again with a new due time. */
export function reopenReport(em: EntityManager, viewer: Viewer | null, receiptCode: string, reason: string): Promise<FieldReport> {
  return applyStep(
    em,
    { receiptCode },
    FieldReportAction.REOPEN,
    () => viewer?.subject ?? null,
    async (report, now, tx) => ({
      dueAt: addWorkingDays(now, (await slaFor(tx, report.communeId, report.category)).workingDays),
      resolvedAt: null,
      resolvedOnTime: null,
      resolution: null,
      refusalReason: null,
      reopenCount: report.reopenCount + 1,
    }),
    reason,
  );
}
