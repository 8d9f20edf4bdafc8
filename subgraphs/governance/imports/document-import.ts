import type { EntityManager } from '@mikro-orm/core';
import { InputLineError } from '../../../core/domain-errors.js';
import { todayInVietnam } from '../../../core/time.js';
import { bulkWrite } from '../common/bulk-write.js';
import { executeSql, placeholders, tableName } from '../common/dialect.js';
import type { Problem } from '../common/problems.js';
import { DocumentDirection, DocumentSecrecy, DocumentType, DocumentUrgency, SignatureKind } from '../documents/document-enums.js';
import { checkDocumentDraft, DOCUMENT_COLUMNS, documentRow, toDocumentRecord, type DocumentDraft } from '../documents/document.rules.js';
import { DocumentSignature } from '../documents/document-signature.entity.js';
import { DocumentRecord } from '../documents/document.entity.js';
import { countedDocument, documentSummaryDeltas, type CountedDocument } from '../documents/document-summary.rules.js';
import { applyDocumentSummaryDeltas, lockCountedDocuments } from '../documents/document-summary.store.js';
import { checkSignatureDraft, SIGNATURE_COLUMNS, signatureRow, toSignature, type SignatureDraft } from '../documents/signature.rules.js';
import type { CommuneLookup } from './commune-lookup.js';
import { chunks, sameRow } from './import-report.js';
import { RowReader } from './import-values.js';
import type { SourceRow } from './import-source.js';

interface PreparedDocument {
  line: number;
  record: DocumentRecord;
  signatures: DocumentSignature[];
}

/** Reads a signature from the columns `<prefix>SignedAt`, `<prefix>CertificateSerial`, `<prefix>CertificateIssuer` if any is filled. */
function readSignature(r: RowReader, prefix: string, kind: SignatureKind, signerName: string | undefined, signerPosition: string | undefined): Omit<SignatureDraft, 'documentId'> | null {
  const f = (name: string) => (prefix ? `${prefix}${name[0].toUpperCase()}${name.slice(1)}` : name);
  const signedAt = r.instant(f('signedAt'));
  const certificateSerial = r.text(f('certificateSerial'));
  const certificateIssuer = r.text(f('certificateIssuer'));
  if (signedAt === undefined && certificateSerial === undefined && certificateIssuer === undefined) return null;
  return {
    kind,
    signerName: signerName ?? '',
    signerPosition,
    signedAt: r.require(f('signedAt'), signedAt),
    certificateSerial: r.require(f('certificateSerial'), certificateSerial),
    certificateIssuer: r.require(f('certificateIssuer'), certificateIssuer),
  };
}

function prepareRow(row: SourceRow, communes: CommuneLookup, today: string): { prepared?: PreparedDocument; problems: Problem[] } {
  const r = new RowReader(row.values);
  const direction = r.require('direction', r.choice('direction', Object.values(DocumentDirection)));
  const issuedOn = r.require('issuedOn', r.date('issuedOn'));
  const arrivedOn = r.date('arrivedOn');
  const registeredOn = direction === DocumentDirection.INCOMING ? arrivedOn : issuedOn;
  const draft: DocumentDraft = {
    communeId: '',
    direction,
    number: r.require('number', r.integer('number')),
    symbol: r.require('symbol', r.text('symbol')),
    documentType: r.require('documentType', r.choice('documentType', Object.values(DocumentType))),
    issuedOn,
    issuedPlace: r.text('issuedPlace'),
    issuingBody: r.require('issuingBody', r.text('issuingBody')),
    subject: r.require('subject', r.text('subject')),
    urgency: r.choice('urgency', Object.values(DocumentUrgency)),
    secrecy: r.choice('secrecy', Object.values(DocumentSecrecy)),
    signerName: r.text('signerName'),
    signerPosition: r.text('signerPosition'),
    recipients: r.list('recipients'),
    electronic: r.boolean('electronic'),
    arrivalNumber: r.integer('arrivalNumber'),
    arrivedOn,
  };
  const signer = readSignature(r, '', SignatureKind.SIGNER, draft.signerName ?? undefined, draft.signerPosition ?? undefined);
  const organisation = readSignature(r, 'org', SignatureKind.ORGANIZATION, draft.issuingBody, undefined);
  const problems = [...r.problems];
  const communeId = communes.resolve(r.text('communeId'), r.text('communeCode'), registeredOn, problems);
  if (problems.length) return { problems };
  draft.communeId = communeId!;
  if (direction === DocumentDirection.INCOMING && draft.arrivalNumber === undefined) {
    problems.push({ field: 'arrivalNumber', message: 'arrivalNumber is required for an incoming document in an import.' });
  }
  problems.push(...checkDocumentDraft(draft, today));
  const signatureDrafts = [signer, organisation].filter((s): s is Omit<SignatureDraft, 'documentId'> => s !== null);
  if (signatureDrafts.length && (direction !== DocumentDirection.OUTGOING || draft.electronic === false)) {
    problems.push({ field: 'signedAt', message: 'only an outgoing electronic document carries digital signatures.' });
  }
  for (const s of signatureDrafts) problems.push(...checkSignatureDraft({ ...s, documentId: '' }));
  if (problems.length) return { problems };
  const record = toDocumentRecord(draft, new Date());
  return { prepared: { line: row.line, record, signatures: signatureDrafts.map((s) => toSignature({ ...s, documentId: record.id })) }, problems };
}

/** Validates every row (no writes); returns the records or the reasons, each with its line. */
export async function prepareDocuments(em: EntityManager, rows: SourceRow[], communes: CommuneLookup, source: string) {
  const today = todayInVietnam();
  const errors: InputLineError[] = [];
  const prepared: PreparedDocument[] = [];
  const byId = new Map<string, number>();
  const byArrival = new Map<string, { line: number; id: string }>();
  for (const row of rows) {
    const { prepared: p, problems } = prepareRow(row, communes, today);
    if (!p) {
      errors.push(...problems.map((pr) => new InputLineError(row.line, pr.message, source)));
      continue;
    }
    const seen = byId.get(p.record.id);
    if (seen !== undefined) {
      errors.push(new InputLineError(row.line, `duplicate of line ${seen}: ${p.record.number}/${p.record.symbol} of ${p.record.issuedYear} from ${p.record.issuingBody} appears twice.`, source));
      continue;
    }
    byId.set(p.record.id, row.line);
    if (p.record.arrivalNumber != null) {
      const key = `${p.record.communeId}|${p.record.registerYear}|${p.record.arrivalNumber}`;
      const other = byArrival.get(key);
      if (other) {
        errors.push(new InputLineError(row.line, `arrival number ${p.record.arrivalNumber} of ${p.record.registerYear} is also given on line ${other.line}.`, source));
        continue;
      }
      byArrival.set(key, { line: row.line, id: p.record.id });
    }
    prepared.push(p);
  }
  // Arrival numbers already used in the register by another document.
  for (const group of chunks(prepared.filter((p) => p.record.arrivalNumber != null))) {
    const communeIds = [...new Set(group.map((p) => p.record.communeId))];
    const years = [...new Set(group.map((p) => p.record.registerYear))];
    const taken = await executeSql<{ id: string; commune_id: string; register_year: number; arrival_number: number }>(
      em,
      `select id, commune_id, register_year, arrival_number from ${tableName(em, 'document')}
       where arrival_number is not null and commune_id in (${placeholders(communeIds.length)}) and register_year in (${placeholders(years.length)})`,
      [...communeIds, ...years],
    );
    const holder = new Map(taken.map((t) => [`${t.commune_id}|${Number(t.register_year)}|${Number(t.arrival_number)}`, t.id]));
    for (const p of group) {
      const id = holder.get(`${p.record.communeId}|${p.record.registerYear}|${p.record.arrivalNumber}`);
      if (id && id !== p.record.id) {
        errors.push(new InputLineError(p.line, `arrival number ${p.record.arrivalNumber} of ${p.record.registerYear} is already used by another document of the register.`, source));
      }
    }
  }
  return { prepared, errors };
}

/** Upserts the prepared documents and signatures by id; returns what changed. Call inside a transaction. */
export async function writeDocuments(tx: EntityManager, prepared: PreparedDocument[]): Promise<{ created: number; updated: number; unchanged: number }> {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const documentRows: unknown[][] = [];
  const signatureRows: unknown[][] = [];
  const summaryChanges: { before?: CountedDocument; after: CountedDocument }[] = [];
  for (const group of chunks(prepared)) {
    // The documents as counted before this import (locked on PostgreSQL until it commits): the month summary moves by the difference.
    const counted = await lockCountedDocuments(tx, group.map((p) => p.record.id));
    const existing = new Map((await tx.find(DocumentRecord, { id: { $in: group.map((p) => p.record.id) } }, { disableIdentityMap: true })).map((d) => [d.id, d]));
    const existingSignatures = new Map(
      (await tx.find(DocumentSignature, { documentId: { $in: group.map((p) => p.record.id) } }, { disableIdentityMap: true })).map((s) => [s.id, s]),
    );
    for (const p of group) {
      const old = existing.get(p.record.id);
      if (old) p.record.createdAt = old.createdAt;
      const docChanged = !old || !sameRow(documentRow(old), documentRow(p.record));
      if (docChanged) documentRows.push(documentRow(p.record));
      const sigChanged = p.signatures.filter((s) => {
        const before = existingSignatures.get(s.id);
        return !before || !sameRow(signatureRow(before), signatureRow(s));
      });
      signatureRows.push(...sigChanged.map(signatureRow));
      // Signatures are upserted, never removed: a document once signed stays signed.
      const before = counted.get(p.record.id);
      if (docChanged || sigChanged.length) summaryChanges.push({ before, after: countedDocument(p.record, Boolean(before?.signed) || p.signatures.length > 0) });
      if (!old) created++;
      else if (docChanged || sigChanged.length) updated++;
      else unchanged++;
    }
  }
  await bulkWrite(tx, { table: 'document', columns: DOCUMENT_COLUMNS, key: ['id'], onConflict: 'update' }, documentRows as never);
  await bulkWrite(tx, { table: 'document_signature', columns: SIGNATURE_COLUMNS, key: ['id'], onConflict: 'update' }, signatureRows as never);
  await applyDocumentSummaryDeltas(tx, documentSummaryDeltas(summaryChanges));
  return { created, updated, unchanged };
}
