import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { DocumentDirection, DocumentSecrecy, DocumentType, DocumentUrgency, DOCUMENT_TYPE_NAMES, SignatureKind } from './document-enums.js';

registerEnumType(DocumentDirection, {
  name: 'DocumentDirection',
  description: 'Incoming (văn bản đến) or outgoing (văn bản đi).',
});
registerEnumType(DocumentType, {
  name: 'DocumentType',
  description: 'Type of administrative document (Decree 30/2020/NĐ-CP, Article 7).',
  valuesConfig: Object.fromEntries(Object.entries(DOCUMENT_TYPE_NAMES).map(([k, v]) => [k, { description: v }])),
});
registerEnumType(DocumentUrgency, {
  name: 'DocumentUrgency',
  description: 'Độ khẩn.',
  valuesConfig: {
    NORMAL: { description: 'Not urgent.' },
    URGENT: { description: 'Khẩn.' },
    VERY_URGENT: { description: 'Thượng khẩn.' },
    FLASH: { description: 'Hỏa tốc.' },
  },
});
registerEnumType(DocumentSecrecy, {
  name: 'DocumentSecrecy',
  description: 'Độ mật. Documents with a secrecy level are never electronic here (state secrets are not sent over networks).',
  valuesConfig: {
    NONE: { description: 'Not classified.' },
    CONFIDENTIAL: { description: 'Mật.' },
    SECRET: { description: 'Tối mật.' },
    TOP_SECRET: { description: 'Tuyệt mật.' },
  },
});
registerEnumType(SignatureKind, {
  name: 'SignatureKind',
  description: 'Whose digital signature: the competent signer\'s, or the organisation\'s (Decree 30/2020, Appendix I).',
});

@ObjectType('DocumentSignature', { description: 'A digital signature on an outgoing electronic document.' })
export class DocumentSignatureView {
  @Field(() => ID, { description: 'Stable id of the signature.' })
  id!: string;

  @Field(() => SignatureKind, { description: 'The signer\'s or the organisation\'s signature.' })
  kind!: SignatureKind;

  @Field(() => String, { description: 'The person or organisation named in the certificate.' })
  signerName!: string;

  @Field(() => String, { nullable: true, description: 'The signer\'s position, e.g. "Chủ tịch".' })
  signerPosition!: string | null;

  @Field(() => Date, { description: 'When the signature was made.' })
  signedAt!: Date;

  @Field(() => String, { description: 'Serial number of the signing certificate.' })
  certificateSerial!: string;

  @Field(() => String, { description: 'Who issued the certificate, e.g. "Ban Cơ yếu Chính phủ".' })
  certificateIssuer!: string;
}

@ObjectType('Document', { description: 'A document in a commune\'s register (Decree 30/2020/NĐ-CP), incoming or outgoing.' })
export class DocumentView {
  @Field(() => ID, { description: 'Stable id, derived from the natural key (commune, direction, issuer, year, number, symbol).' })
  id!: string;

  @Field(() => ID, { description: 'Commune.id of the register that holds the document.' })
  communeId!: string;

  @Field(() => DocumentDirection, { description: 'Incoming or outgoing.' })
  direction!: DocumentDirection;

  @Field(() => Int, { description: 'Số: the number, restarting at 1 every year per issuer.' })
  number!: number;

  @Field(() => String, { description: 'Ký hiệu, e.g. "QĐ-UBND".' })
  symbol!: string;

  @Field(() => String, { description: 'Number and symbol as printed, e.g. "15/QĐ-UBND".' })
  numberAndSymbol!: string;

  @Field(() => DocumentType, { description: 'Type of document.' })
  documentType!: DocumentType;

  @Field(() => DateScalar, { description: 'Ngày ban hành.' })
  issuedOn!: string;

  @Field(() => String, { nullable: true, description: 'Địa danh (place of issue).' })
  issuedPlace!: string | null;

  @Field(() => String, { description: 'Cơ quan ban hành (issuing body).' })
  issuingBody!: string;

  @Field(() => String, { description: 'Trích yếu nội dung (subject).' })
  subject!: string;

  @Field(() => DocumentUrgency, { description: 'Độ khẩn.' })
  urgency!: DocumentUrgency;

  @Field(() => DocumentSecrecy, { description: 'Độ mật.' })
  secrecy!: DocumentSecrecy;

  @Field(() => String, { nullable: true, description: 'Who signed it (người ký).' })
  signerName!: string | null;

  @Field(() => String, { nullable: true, description: 'The signer\'s position, e.g. "Chủ tịch".' })
  signerPosition!: string | null;

  @Field(() => [String], { description: 'Nơi nhận (recipients), in order.' })
  recipients!: string[];

  @Field(() => Boolean, { description: 'Incoming: received electronically. Outgoing: issued as an electronic document.' })
  electronic!: boolean;

  @Field(() => Int, { nullable: true, description: 'Incoming only: số đến (arrival number), restarting at 1 every year.' })
  arrivalNumber!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Incoming only: ngày đến (arrival date).' })
  arrivedOn!: string | null;

  @Field(() => DateScalar, { description: 'The date the document counts by: arrival date (incoming) or issue date (outgoing).' })
  registeredOn!: string;
}

export const { ConnectionType: DocumentConnection } = connectionTypes(DocumentView, 'Document', 'document');

@InputType({ description: 'Filters of a document list; all optional, combined with AND.' })
export class DocumentFilter {
  @Field(() => DocumentDirection, { nullable: true, description: 'Only incoming or only outgoing.' })
  direction?: DocumentDirection;

  @Field(() => Int, { nullable: true, description: 'Only documents counted in this year (arrival year for incoming, issue year for outgoing).' })
  year?: number;

  @Field(() => Boolean, { nullable: true, description: 'true: only documents with a digital signature; false: only those without.' })
  signed?: boolean;

  @Field(() => DocumentUrgency, { nullable: true, description: 'Only documents of this urgency.' })
  urgency?: DocumentUrgency;

  @Field(() => String, { nullable: true, description: 'Words the subject contains, ignoring case and diacritics ("trien khai" finds "triển khai").' })
  search?: string;
}

@InputType({ description: 'A document that arrived at the commune (văn bản đến).' })
export class RegisterIncomingDocumentInput {
  @Field(() => ID, { description: 'Commune.id of the receiving commune, e.g. "05068/1".' })
  communeId!: string;

  @Field(() => Int, { description: 'The number the issuer gave it (số).' })
  number!: number;

  @Field(() => String, { description: 'The symbol the issuer gave it (ký hiệu), e.g. "UBND-VP".' })
  symbol!: string;

  @Field(() => DocumentType, { description: 'Type of document.' })
  documentType!: DocumentType;

  @Field(() => DateScalar, { description: 'Date of issue.' })
  issuedOn!: string;

  @Field(() => String, { nullable: true, description: 'Place of issue.' })
  issuedPlace?: string;

  @Field(() => String, { description: 'The issuing body, e.g. "UBND huyện Kim Bôi".' })
  issuingBody!: string;

  @Field(() => String, { description: 'Subject (trích yếu).' })
  subject!: string;

  @Field(() => DocumentUrgency, { nullable: true, description: 'Default NORMAL.' })
  urgency?: DocumentUrgency;

  @Field(() => DocumentSecrecy, { nullable: true, description: 'Default NONE.' })
  secrecy?: DocumentSecrecy;

  @Field(() => String, { nullable: true, description: 'Who signed it.' })
  signerName?: string;

  @Field(() => String, { nullable: true, description: 'The signer\'s position.' })
  signerPosition?: string;

  @Field(() => DateScalar, { description: 'Arrival date (ngày đến): not before the date of issue, not in the future.' })
  arrivedOn!: string;

  @Field(() => Int, { nullable: true, description: 'Arrival number (số đến); default: the next free number of the arrival year.' })
  arrivalNumber?: number;

  @Field(() => Boolean, { nullable: true, description: 'Received electronically; default true.' })
  electronic?: boolean;
}

@InputType({ description: 'A document the commune issues (văn bản đi).' })
export class IssueOutgoingDocumentInput {
  @Field(() => ID, { description: 'Commune.id of the issuing commune.' })
  communeId!: string;

  @Field(() => Int, { nullable: true, description: 'Number (số); default: the next free number of this issuer and symbol in the year of issue.' })
  number?: number;

  @Field(() => String, { description: 'Symbol (ký hiệu), e.g. "QĐ-UBND".' })
  symbol!: string;

  @Field(() => DocumentType, { description: 'Type of document.' })
  documentType!: DocumentType;

  @Field(() => DateScalar, { description: 'Date of issue: not in the future.' })
  issuedOn!: string;

  @Field(() => String, { nullable: true, description: 'Place of issue (địa danh).' })
  issuedPlace?: string;

  @Field(() => String, { description: 'The issuing body, e.g. "UBND xã Nam Thượng".' })
  issuingBody!: string;

  @Field(() => String, { description: 'Subject (trích yếu).' })
  subject!: string;

  @Field(() => DocumentUrgency, { nullable: true, description: 'Default NORMAL.' })
  urgency?: DocumentUrgency;

  @Field(() => DocumentSecrecy, { nullable: true, description: 'Default NONE. A classified document must be on paper (electronic: false).' })
  secrecy?: DocumentSecrecy;

  @Field(() => String, { description: 'Who signs it.' })
  signerName!: string;

  @Field(() => String, { description: 'The signer\'s position, e.g. "Chủ tịch".' })
  signerPosition!: string;

  @Field(() => [String], { nullable: true, description: 'Recipients (nơi nhận), in order.' })
  recipients?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Issued as an electronic document; default true.' })
  electronic?: boolean;
}

@InputType({ description: 'A digital signature made on an outgoing electronic document.' })
export class AttachSignatureInput {
  @Field(() => ID, { description: 'Document.id of an outgoing electronic document.' })
  documentId!: string;

  @Field(() => SignatureKind, { description: 'The signer\'s or the organisation\'s signature.' })
  kind!: SignatureKind;

  @Field(() => String, { description: 'The person or organisation named in the certificate.' })
  signerName!: string;

  @Field(() => String, { nullable: true, description: 'The signer\'s position.' })
  signerPosition?: string;

  @Field(() => Date, { description: 'When it was signed: not in the future.' })
  signedAt!: Date;

  @Field(() => String, { description: 'Serial number of the certificate.' })
  certificateSerial!: string;

  @Field(() => String, { description: 'Who issued the certificate.' })
  certificateIssuer!: string;
}

@ObjectType({ description: 'The result of registerIncomingDocument.' })
export class RegisterIncomingDocumentPayload {
  @Field(() => DocumentView, { description: 'The registered document.' })
  document!: DocumentView;
}

@ObjectType({ description: 'The result of issueOutgoingDocument.' })
export class IssueOutgoingDocumentPayload {
  @Field(() => DocumentView, { description: 'The issued document.' })
  document!: DocumentView;
}

@ObjectType({ description: 'The result of attachSignature.' })
export class AttachSignaturePayload {
  @Field(() => DocumentSignatureView, { description: 'The signature recorded.' })
  signature!: DocumentSignatureView;

  @Field(() => DocumentView, { description: 'The signed document.' })
  document!: DocumentView;
}
