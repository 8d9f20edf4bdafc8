import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { bulkWrite } from '../common/bulk-write.js';
import { DocumentDirection, DocumentType, DocumentUrgency, SignatureKind } from '../documents/document-enums.js';
import { DOCUMENT_COLUMNS, documentRow, toDocumentRecord } from '../documents/document.rules.js';
import type { DocumentRecord } from '../documents/document.entity.js';
import type { DocumentSignature } from '../documents/document-signature.entity.js';
import { rebuildDocumentSummary } from '../documents/document-summary.store.js';
import { SIGNATURE_COLUMNS, signatureRow, toSignature } from '../documents/signature.rules.js';
import { dayOfYear, daysInYear, vietnamInstant } from './pilot-calendar.js';
import { PILOT_YEARS, spread, type PilotYear } from './pilot-figures.js';

/** Synthetic people and plausible bodies: the report names no officials, and the seed invents none that are real. */
const COMMUNE_DETAILS = {
  namThuong: {
    district: 'Kim Bôi',
    body: 'UBND xã Nam Thượng',
    signers: [['Nguyễn Văn An', 'Chủ tịch'], ['Bùi Thị Bình', 'Phó Chủ tịch']],
  },
  lienSon: {
    district: 'Lương Sơn',
    body: 'UBND xã Liên Sơn',
    signers: [['Trần Văn Cường', 'Chủ tịch'], ['Đinh Thị Dung', 'Phó Chủ tịch']],
  },
} as const;

function issuers(district: string): { body: string; symbol: string; place: string }[] {
  return [
    { body: `UBND huyện ${district}`, symbol: 'UBND-VP', place: district },
    { body: `Phòng Văn hóa và Thông tin huyện ${district}`, symbol: 'VHTT', place: district },
    { body: `Phòng Tư pháp huyện ${district}`, symbol: 'TP', place: district },
    { body: `Phòng Tài chính - Kế hoạch huyện ${district}`, symbol: 'TCKH', place: district },
    { body: 'UBND tỉnh Hòa Bình', symbol: 'UBND-KGVX', place: 'Hòa Bình' },
    { body: 'Sở Thông tin và Truyền thông tỉnh Hòa Bình', symbol: 'STTTT-CĐS', place: 'Hòa Bình' },
    { body: `Huyện ủy ${district}`, symbol: 'HU', place: district },
  ];
}

const INCOMING_SUBJECTS = [
  'V/v triển khai thí điểm chuyển đổi số cấp xã',
  'V/v báo cáo kết quả giải quyết thủ tục hành chính',
  'V/v tăng cường phòng, chống dịch COVID-19',
  'V/v tổ chức tiếp công dân định kỳ',
  'V/v hướng dẫn sử dụng chữ ký số trong văn bản điện tử',
  'V/v rà soát hộ nghèo, hộ cận nghèo',
  'V/v phòng chống thiên tai, tìm kiếm cứu nạn',
  'V/v thu ngân sách nhà nước',
];
const OUTGOING = [
  { type: DocumentType.OFFICIAL_LETTER, symbol: 'UBND', subject: 'V/v đề nghị hỗ trợ kinh phí sửa chữa đường giao thông nông thôn' },
  { type: DocumentType.REPORT, symbol: 'BC-UBND', subject: 'Báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số' },
  { type: DocumentType.DECISION, symbol: 'QĐ-UBND', subject: 'Quyết định kiện toàn Tổ công nghệ số cộng đồng' },
  { type: DocumentType.PLAN, symbol: 'KH-UBND', subject: 'Kế hoạch tuyên truyền dịch vụ công trực tuyến' },
  { type: DocumentType.NOTICE, symbol: 'TB-UBND', subject: 'Thông báo lịch tiếp công dân' },
  { type: DocumentType.INVITATION, symbol: 'GM-UBND', subject: 'Giấy mời họp giao ban' },
];
const INCOMING_TYPES = [DocumentType.OFFICIAL_LETTER, DocumentType.OFFICIAL_LETTER, DocumentType.PLAN, DocumentType.DECISION, DocumentType.REPORT, DocumentType.INVITATION, DocumentType.NOTICE];

function urgencyOf(i: number): DocumentUrgency {
  if (i % 499 === 0) return DocumentUrgency.FLASH;
  if (i % 101 === 0) return DocumentUrgency.VERY_URGENT;
  if (i % 17 === 0) return DocumentUrgency.URGENT;
  return DocumentUrgency.NORMAL;
}

function serial(...parts: string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 32).toUpperCase();
}

/** The records of one commune-year: incoming, outgoing, and the signatures of the signed ones. */
export function pilotDocuments(py: PilotYear, createdAt: Date): { documents: DocumentRecord[]; signatures: DocumentSignature[] } {
  const details = COMMUNE_DETAILS[py.communeKey];
  const days = daysInYear(py.year);
  const documents: DocumentRecord[] = [];
  const signatures: DocumentSignature[] = [];
  const sources = issuers(details.district);
  const counters = new Map<string, number>();

  for (let i = 0; i < py.documents.incoming; i++) {
    const day = Math.floor((i * days) / py.documents.incoming);
    const arrivedOn = dayOfYear(py.year, day);
    const issuedOn = dayOfYear(py.year, Math.max(0, day - (i % 4)));
    const source = sources[i % sources.length];
    const number = (counters.get(source.body) ?? 0) + 1;
    counters.set(source.body, number);
    documents.push(
      toDocumentRecord(
        {
          communeId: py.communeId,
          direction: DocumentDirection.INCOMING,
          number,
          symbol: source.symbol,
          documentType: INCOMING_TYPES[i % INCOMING_TYPES.length],
          issuedOn,
          issuedPlace: source.place,
          issuingBody: source.body,
          subject: INCOMING_SUBJECTS[i % INCOMING_SUBJECTS.length],
          urgency: urgencyOf(i),
          arrivedOn,
          arrivalNumber: i + 1,
          electronic: true,
        },
        createdAt,
      ),
    );
  }

  const outgoing = py.documents.outgoingElectronic;
  for (let i = 0; i < outgoing; i++) {
    const issuedOn = dayOfYear(py.year, Math.floor((i * days) / outgoing));
    const kind = OUTGOING[i % OUTGOING.length];
    const [signerName, signerPosition] = details.signers[i % 3 === 0 ? 0 : 1];
    const document = toDocumentRecord(
      {
        communeId: py.communeId,
        direction: DocumentDirection.OUTGOING,
        number: i + 1,
        symbol: kind.symbol,
        documentType: kind.type,
        issuedOn,
        issuedPlace: PILOT_COMMUNES[py.communeKey].name,
        issuingBody: details.body,
        subject: kind.subject,
        urgency: urgencyOf(i + 7),
        signerName,
        signerPosition,
        recipients: [`UBND huyện ${details.district}`, 'Lưu: VT'],
        electronic: true,
      },
      createdAt,
    );
    documents.push(document);
    if (!spread(i, py.documents.outgoingSigned, outgoing)) continue;
    const signedAt = vietnamInstant(issuedOn, 16, i % 60);
    signatures.push(
      toSignature({
        documentId: document.id,
        kind: SignatureKind.SIGNER,
        signerName,
        signerPosition,
        signedAt,
        certificateSerial: serial(py.communeId, signerName),
        certificateIssuer: 'Ban Cơ yếu Chính phủ',
      }),
      toSignature({
        documentId: document.id,
        kind: SignatureKind.ORGANIZATION,
        signerName: details.body,
        signedAt: new Date(signedAt.getTime() + 10 * 60_000),
        certificateSerial: serial(py.communeId, details.body),
        certificateIssuer: 'Ban Cơ yếu Chính phủ',
      }),
    );
  }
  return { documents, signatures };
}

/** Every pilot document and signature; insert-or-keep on the natural-key ids, so a second run writes nothing new; then the pilot communes' month summary. */
export async function seedPilotDocuments(em: EntityManager): Promise<void> {
  const createdAt = new Date(Date.UTC(2021, 11, 31));
  const all = PILOT_YEARS.map((py) => pilotDocuments(py, createdAt));
  await em.transactional(async (tx) => {
    await bulkWrite(tx, { table: 'document', columns: DOCUMENT_COLUMNS, key: ['id'], onConflict: 'ignore' }, all.flatMap((a) => a.documents.map(documentRow)));
    await bulkWrite(
      tx,
      { table: 'document_signature', columns: SIGNATURE_COLUMNS, key: ['id'], onConflict: 'ignore' },
      all.flatMap((a) => a.signatures.map(signatureRow)),
    );
    // Insert-or-keep does not say which rows were new: recount the pilot communes' month summary.
    await rebuildDocumentSummary(tx, [...new Set(PILOT_YEARS.map((py) => py.communeId))].sort());
  });
}
