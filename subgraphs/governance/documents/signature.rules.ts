import { nfc } from '../../../core/text.js';
import { checkText, type Problem } from '../common/problems.js';
import { recordId } from '../common/record-ids.js';
import { SignatureKind } from './document-enums.js';
import { DocumentSignature } from './document-signature.entity.js';

export interface SignatureDraft {
  documentId: string;
  kind: SignatureKind;
  signerName: string;
  signerPosition?: string | null;
  signedAt: Date;
  certificateSerial: string;
  certificateIssuer: string;
}

export function signatureId(draft: Pick<SignatureDraft, 'documentId' | 'kind' | 'certificateSerial'>): string {
  return recordId('sig', draft.documentId, draft.kind, draft.certificateSerial.trim().toUpperCase());
}

export function checkSignatureDraft(draft: SignatureDraft, now = new Date()): Problem[] {
  const problems: Problem[] = [];
  if (!Object.values(SignatureKind).includes(draft.kind)) {
    problems.push({ field: 'kind', message: `kind "${draft.kind}" is not one of ${Object.values(SignatureKind).join(', ')}.` });
  }
  checkText(problems, 'signerName', draft.signerName, 300);
  checkText(problems, 'signerPosition', draft.signerPosition, 200, false);
  checkText(problems, 'certificateSerial', draft.certificateSerial, 100);
  checkText(problems, 'certificateIssuer', draft.certificateIssuer, 300);
  if (!(draft.signedAt instanceof Date) || Number.isNaN(draft.signedAt.getTime())) {
    problems.push({ field: 'signedAt', message: 'signedAt must be an instant, ISO 8601 with an offset.' });
  } else if (draft.signedAt.getTime() > now.getTime() + 5 * 60_000) {
    problems.push({ field: 'signedAt', message: `signedAt ${draft.signedAt.toISOString()} is in the future.` });
  }
  return problems;
}

export function toSignature(draft: SignatureDraft): DocumentSignature {
  return Object.assign(new DocumentSignature(), {
    id: signatureId(draft),
    documentId: draft.documentId,
    kind: draft.kind,
    signerName: nfc(draft.signerName),
    signerPosition: draft.signerPosition ? nfc(draft.signerPosition) : null,
    signedAt: draft.signedAt,
    certificateSerial: draft.certificateSerial.trim().toUpperCase(),
    certificateIssuer: nfc(draft.certificateIssuer),
  });
}

export const SIGNATURE_COLUMNS = ['id', 'document_id', 'kind', 'signer_name', 'signer_position', 'signed_at', 'certificate_serial', 'certificate_issuer'] as const;

export function signatureRow(s: DocumentSignature) {
  return [s.id, s.documentId, s.kind, s.signerName, s.signerPosition ?? null, s.signedAt, s.certificateSerial, s.certificateIssuer];
}
