import { foldForSearch, nfc } from '../../../core/text.js';
import { isCalendarDate, todayInVietnam } from '../../../core/time.js';
import { checkText, type Problem } from '../common/problems.js';
import { recordId } from '../common/record-ids.js';
import { DocumentDirection, DocumentSecrecy, DocumentType, DocumentUrgency } from './document-enums.js';
import { DocumentRecord } from './document.entity.js';

/** A document as a mutation or an import row gives it, before it becomes a DocumentRecord. */
export interface DocumentDraft {
  communeId: string;
  direction: DocumentDirection;
  number: number;
  symbol: string;
  documentType: DocumentType;
  issuedOn: string;
  issuedPlace?: string | null;
  issuingBody: string;
  subject: string;
  urgency?: DocumentUrgency | null;
  secrecy?: DocumentSecrecy | null;
  signerName?: string | null;
  signerPosition?: string | null;
  recipients?: string[] | null;
  electronic?: boolean | null;
  arrivalNumber?: number | null;
  arrivedOn?: string | null;
}

/** The natural key of a document, from which its id derives. */
export function documentId(draft: Pick<DocumentDraft, 'communeId' | 'direction' | 'issuingBody' | 'issuedOn' | 'number' | 'symbol'>): string {
  return recordId('doc', draft.communeId, draft.direction, foldForSearch(draft.issuingBody), Number(draft.issuedOn.slice(0, 4)), draft.number, nfc(draft.symbol));
}

function checkDate(problems: Problem[], field: string, value: string | null | undefined, today: string): boolean {
  if (!value || !isCalendarDate(value)) {
    problems.push({ field, message: `${field} must be a date written yyyy-mm-dd, got ${JSON.stringify(value ?? null)}.` });
    return false;
  }
  if (value > today) {
    problems.push({ field, message: `${field} ${value} is in the future (today is ${today} in Vietnam).` });
    return false;
  }
  return true;
}

/** Everything that can be checked without the database. */
export function checkDocumentDraft(draft: DocumentDraft, today = todayInVietnam()): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isInteger(draft.number) || draft.number < 1) problems.push({ field: 'number', message: `number must be a whole number from 1, got ${draft.number}.` });
  checkText(problems, 'symbol', draft.symbol, 100);
  checkText(problems, 'issuingBody', draft.issuingBody, 300);
  checkText(problems, 'subject', draft.subject, 4000);
  checkText(problems, 'issuedPlace', draft.issuedPlace, 200, false);
  checkText(problems, 'signerName', draft.signerName, 200, draft.direction === DocumentDirection.OUTGOING);
  checkText(problems, 'signerPosition', draft.signerPosition, 200, draft.direction === DocumentDirection.OUTGOING);
  if (!Object.values(DocumentType).includes(draft.documentType)) {
    problems.push({ field: 'documentType', message: `documentType "${draft.documentType}" is not one of ${Object.values(DocumentType).join(', ')}.` });
  }
  if (draft.urgency && !Object.values(DocumentUrgency).includes(draft.urgency)) {
    problems.push({ field: 'urgency', message: `urgency "${draft.urgency}" is not one of ${Object.values(DocumentUrgency).join(', ')}.` });
  }
  if (draft.secrecy && !Object.values(DocumentSecrecy).includes(draft.secrecy)) {
    problems.push({ field: 'secrecy', message: `secrecy "${draft.secrecy}" is not one of ${Object.values(DocumentSecrecy).join(', ')}.` });
  }
  const issuedOk = checkDate(problems, 'issuedOn', draft.issuedOn, today);
  if (draft.direction === DocumentDirection.INCOMING) {
    const arrivedOk = checkDate(problems, 'arrivedOn', draft.arrivedOn, today);
    if (issuedOk && arrivedOk && draft.arrivedOn! < draft.issuedOn) {
      problems.push({ field: 'arrivedOn', message: `arrivedOn ${draft.arrivedOn} is before issuedOn ${draft.issuedOn}: a document cannot arrive before it was issued.` });
    }
    if (draft.arrivalNumber !== undefined && draft.arrivalNumber !== null && (!Number.isInteger(draft.arrivalNumber) || draft.arrivalNumber < 1)) {
      problems.push({ field: 'arrivalNumber', message: `arrivalNumber must be a whole number from 1, got ${draft.arrivalNumber}.` });
    }
  } else if (draft.arrivalNumber != null || draft.arrivedOn != null) {
    problems.push({ field: 'arrivalNumber', message: 'An outgoing document has no arrival number or arrival date.' });
  }
  if ((draft.secrecy ?? DocumentSecrecy.NONE) !== DocumentSecrecy.NONE && (draft.electronic ?? true)) {
    problems.push({ field: 'electronic', message: 'A classified document (secrecy other than NONE) is handled on paper: set electronic to false.' });
  }
  return problems;
}

/** The record for a checked draft. */
export function toDocumentRecord(draft: DocumentDraft, createdAt: Date): DocumentRecord {
  const incoming = draft.direction === DocumentDirection.INCOMING;
  const registeredOn = incoming ? draft.arrivedOn! : draft.issuedOn;
  const recipients = (draft.recipients ?? []).map(nfc).filter(Boolean);
  return Object.assign(new DocumentRecord(), {
    id: documentId(draft),
    communeId: draft.communeId,
    direction: draft.direction,
    number: draft.number,
    symbol: nfc(draft.symbol),
    documentType: draft.documentType,
    issuedOn: draft.issuedOn,
    issuedYear: Number(draft.issuedOn.slice(0, 4)),
    issuedPlace: draft.issuedPlace ? nfc(draft.issuedPlace) : null,
    issuingBody: nfc(draft.issuingBody),
    issuerKey: foldForSearch(draft.issuingBody),
    subject: nfc(draft.subject),
    subjectFolded: foldForSearch(draft.subject),
    urgency: draft.urgency ?? DocumentUrgency.NORMAL,
    secrecy: draft.secrecy ?? DocumentSecrecy.NONE,
    signerName: draft.signerName ? nfc(draft.signerName) : null,
    signerPosition: draft.signerPosition ? nfc(draft.signerPosition) : null,
    recipients: recipients.length ? recipients.join('\n') : null,
    electronic: draft.electronic ?? true,
    arrivalNumber: incoming ? (draft.arrivalNumber ?? null) : null,
    arrivedOn: incoming ? draft.arrivedOn! : null,
    registeredOn,
    registerYear: Number(registeredOn.slice(0, 4)),
    createdAt,
  });
}

/** Column order of the `document` table for bulk writes (seed, import). */
export const DOCUMENT_COLUMNS = [
  'id', 'commune_id', 'direction', 'number', 'symbol', 'document_type', 'issued_on', 'issued_year', 'issued_place', 'issuing_body',
  'issuer_key', 'subject', 'subject_folded', 'urgency', 'secrecy', 'signer_name', 'signer_position', 'recipients', 'electronic',
  'arrival_number', 'arrived_on', 'registered_on', 'register_year', 'created_at',
] as const;

export function documentRow(r: DocumentRecord) {
  return [
    r.id, r.communeId, r.direction, r.number, r.symbol, r.documentType, r.issuedOn, r.issuedYear, r.issuedPlace ?? null, r.issuingBody,
    r.issuerKey, r.subject, r.subjectFolded, r.urgency, r.secrecy, r.signerName ?? null, r.signerPosition ?? null, r.recipients ?? null, r.electronic,
    r.arrivalNumber ?? null, r.arrivedOn ?? null, r.registeredOn, r.registerYear, r.createdAt,
  ];
}
