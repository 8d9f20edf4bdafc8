import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DocumentDirection, DocumentSecrecy, DocumentType, DocumentUrgency } from './document-enums.js';

/**
 * A document in a commune's register (Decree 30/2020/NĐ-CP): incoming (văn bản đến) or outgoing
 * (văn bản đi). `id` derives from the natural key (commune, direction, issuer, year of issue,
 * number, symbol): number and symbol are unique per issuer per year, numbering restarts on 1 January.
 */
@Entity({ tableName: 'document' })
@Unique({ properties: ['communeId', 'direction', 'issuerKey', 'issuedYear', 'number', 'symbol'] })
@Unique({ properties: ['communeId', 'registerYear', 'arrivalNumber'] })
@Index({ properties: ['communeId', 'registerYear', 'direction'] })
@Index({ properties: ['communeId', 'registeredOn', 'id'] })
export class DocumentRecord {
  @PrimaryKey({ type: 'string', length: 24 })
  id!: string;

  /** Commune.id of the unit whose register holds the document. */
  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Enum({ items: () => DocumentDirection, type: 'string' })
  direction!: DocumentDirection;

  /** Số: the number, restarting at 1 each year. */
  @Property({ type: 'integer' })
  number!: number;

  /** Ký hiệu, e.g. "QĐ-UBND", NFC. */
  @Property({ type: 'string', length: 100 })
  symbol!: string;

  @Enum({ items: () => DocumentType, type: 'string' })
  documentType!: DocumentType;

  /** Ngày ban hành (yyyy-mm-dd). */
  @Property({ type: 'date' })
  issuedOn!: string;

  /** Year of `issuedOn`: the numbering year. */
  @Property({ type: 'integer' })
  issuedYear!: number;

  /** Địa danh, e.g. "Nam Thượng". */
  @Property({ type: 'string', length: 200, nullable: true })
  issuedPlace?: string | null;

  /** Cơ quan ban hành, NFC. */
  @Property({ type: 'string', length: 300 })
  issuingBody!: string;

  /** `foldForSearch(issuingBody)`: the issuer part of the natural key. */
  @Property({ type: 'string', length: 300 })
  issuerKey!: string;

  /** Trích yếu nội dung, NFC. */
  @Property({ type: 'text' })
  subject!: string;

  /** `foldForSearch(subject)` for diacritic-insensitive search. */
  @Property({ type: 'text' })
  subjectFolded!: string;

  @Enum({ items: () => DocumentUrgency, type: 'string' })
  urgency!: DocumentUrgency;

  @Enum({ items: () => DocumentSecrecy, type: 'string' })
  secrecy!: DocumentSecrecy;

  @Property({ type: 'string', length: 200, nullable: true })
  signerName?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  signerPosition?: string | null;

  /** Nơi nhận, one recipient per line. */
  @Property({ type: 'text', nullable: true })
  recipients?: string | null;

  /** Incoming: received electronically. Outgoing: issued as an electronic document. */
  @Property({ type: 'boolean' })
  electronic!: boolean;

  /** Incoming only: số đến, restarting at 1 each year. */
  @Property({ type: 'integer', nullable: true })
  arrivalNumber?: number | null;

  /** Incoming only: ngày đến. */
  @Property({ type: 'date', nullable: true })
  arrivedOn?: string | null;

  /** The register date: arrival date (incoming) or issue date (outgoing). */
  @Property({ type: 'date' })
  registeredOn!: string;

  /** Year of `registeredOn`: the year the document counts in. */
  @Property({ type: 'integer' })
  registerYear!: number;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
