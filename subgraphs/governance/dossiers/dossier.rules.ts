import { nfc } from '../../../core/text.js';
import { checkCitizenId, checkPhone } from '../../shared/contact.rules.js';
import { todayInVietnam } from '../../../core/time.js';
import { checkText, type Problem } from '../common/problems.js';
import { recordId } from '../common/record-ids.js';
import { DossierChannel, DossierStatus, OnlineLevel, onlineLevelsOn } from './dossier-enums.js';
import { isFinal } from './dossier-status.rules.js';
import { Dossier } from './dossier.entity.js';

/** A dossier as a mutation or an import row gives it. */
export interface DossierDraft {
  communeId: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  procedureField: string;
  channel: DossierChannel;
  onlineLevel?: OnlineLevel | null;
  receivedAt: Date;
  dueAt: Date;
  completedAt?: Date | null;
  status: DossierStatus;
  applicantName: string;
  applicantIdNumber?: string | null;
  applicantPhone?: string | null;
}

export function dossierId(communeId: string, code: string): string {
  return recordId('dos', communeId, nfc(code));
}

const isInstant = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());
/** Clocks drift: an instant up to five minutes ahead still counts as now. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** The checks shared by receiveDossier, changeDossierStatus and imports; none needs the database. */
export function checkDossierDraft(draft: DossierDraft, now = new Date()): Problem[] {
  const problems: Problem[] = [];
  checkText(problems, 'code', draft.code, 64);
  checkText(problems, 'procedureCode', draft.procedureCode, 32);
  checkText(problems, 'procedureName', draft.procedureName, 500);
  checkText(problems, 'procedureField', draft.procedureField, 200);
  checkText(problems, 'applicantName', draft.applicantName, 200);
  for (const [field, value, check] of [
    ['applicantIdNumber', draft.applicantIdNumber, checkCitizenId],
    ['applicantPhone', draft.applicantPhone, checkPhone],
  ] as const) {
    const checked = value ? check(value) : null;
    if (checked && !checked.ok) problems.push({ field, message: `${field}: ${checked.message}` });
  }
  if (!Object.values(DossierChannel).includes(draft.channel)) {
    problems.push({ field: 'channel', message: `channel "${draft.channel}" is not one of ${Object.values(DossierChannel).join(', ')}.` });
  }
  if (!Object.values(DossierStatus).includes(draft.status)) {
    problems.push({ field: 'status', message: `status "${draft.status}" is not one of ${Object.values(DossierStatus).join(', ')}.` });
  }
  if (!isInstant(draft.receivedAt)) {
    problems.push({ field: 'receivedAt', message: 'receivedAt must be an instant, ISO 8601 with an offset, e.g. 2021-03-15T08:30:00+07:00.' });
    return problems;
  }
  if (draft.receivedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    problems.push({ field: 'receivedAt', message: `receivedAt ${draft.receivedAt.toISOString()} is in the future.` });
  }
  const receivedOn = todayInVietnam(draft.receivedAt);
  if (draft.channel === DossierChannel.ONLINE) {
    const allowed = onlineLevelsOn(receivedOn);
    if (!draft.onlineLevel || !allowed.includes(draft.onlineLevel)) {
      problems.push({
        field: 'onlineLevel',
        message: `An online dossier received on ${receivedOn} needs onlineLevel ${allowed.join(' or ')} (levels 3/4 until 2022-08-14, partial/full from 2022-08-15), got ${draft.onlineLevel ?? 'none'}.`,
      });
    }
  } else if (draft.onlineLevel) {
    problems.push({ field: 'onlineLevel', message: `Only an ONLINE dossier has an onlineLevel; this one is ${draft.channel}.` });
  }
  if (!isInstant(draft.dueAt)) {
    problems.push({ field: 'dueAt', message: 'dueAt must be an instant, ISO 8601 with an offset.' });
  } else if (draft.dueAt.getTime() <= draft.receivedAt.getTime()) {
    problems.push({ field: 'dueAt', message: `dueAt ${draft.dueAt.toISOString()} must come after receivedAt ${draft.receivedAt.toISOString()}.` });
  }
  const completedAt = draft.completedAt ?? null;
  if (isFinal(draft.status) && completedAt === null) {
    problems.push({ field: 'completedAt', message: `A dossier in final status ${draft.status} needs completedAt (when it was closed).` });
  } else if (!isFinal(draft.status) && completedAt !== null) {
    problems.push({ field: 'completedAt', message: `A dossier still ${draft.status} has no completedAt; leave it empty.` });
  } else if (completedAt !== null) {
    if (!isInstant(completedAt)) problems.push({ field: 'completedAt', message: 'completedAt must be an instant, ISO 8601 with an offset.' });
    else if (completedAt.getTime() < draft.receivedAt.getTime()) {
      problems.push({
        field: 'completedAt',
        message: `completedAt ${completedAt.toISOString()} is before receivedAt ${draft.receivedAt.toISOString()}: a dossier cannot be completed before it was received.`,
      });
    } else if (completedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) {
      problems.push({ field: 'completedAt', message: `completedAt ${completedAt.toISOString()} is in the future.` });
    }
  }
  return problems;
}

/** The stored form of a checked value (checkDossierDraft has refused an invalid one). */
function normalised(value: string | null | undefined, check: (v: string) => { ok: boolean; value?: string }): string | null {
  const checked = value ? check(value) : null;
  return checked?.ok ? (checked.value ?? null) : (value || null);
}

export function toDossier(draft: DossierDraft, statusChangedAt?: Date): Dossier {
  return Object.assign(new Dossier(), {
    id: dossierId(draft.communeId, draft.code),
    communeId: draft.communeId,
    code: nfc(draft.code),
    procedureCode: nfc(draft.procedureCode),
    procedureName: nfc(draft.procedureName),
    procedureField: nfc(draft.procedureField),
    channel: draft.channel,
    onlineLevel: draft.onlineLevel ?? null,
    receivedAt: draft.receivedAt,
    dueAt: draft.dueAt,
    completedAt: draft.completedAt ?? null,
    status: draft.status,
    statusChangedAt: statusChangedAt ?? draft.completedAt ?? draft.receivedAt,
    applicantName: nfc(draft.applicantName),
    applicantIdNumber: normalised(draft.applicantIdNumber, checkCitizenId),
    applicantPhone: normalised(draft.applicantPhone, checkPhone),
  });
}

/** Column order of the `dossier` table for bulk writes (seed, import, benchmark). */
export const DOSSIER_COLUMNS = [
  'id', 'commune_id', 'code', 'procedure_code', 'procedure_name', 'procedure_field', 'channel', 'online_level', 'received_at', 'due_at',
  'completed_at', 'status', 'status_changed_at', 'applicant_name', 'applicant_id_number', 'applicant_phone',
] as const;

export function dossierRow(d: Dossier) {
  return [
    d.id, d.communeId, d.code, d.procedureCode, d.procedureName, d.procedureField, d.channel, d.onlineLevel ?? null, d.receivedAt, d.dueAt,
    d.completedAt ?? null, d.status, d.statusChangedAt, d.applicantName, d.applicantIdNumber ?? null, d.applicantPhone ?? null,
  ];
}
