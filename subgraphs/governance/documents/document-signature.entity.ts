import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SignatureKind } from './document-enums.js';

/**
 * A digital signature on an outgoing electronic document. A document is "signed" when at least one
 * of these exists; nobody types a signed flag by hand. `id` derives from (document, kind, serial).
 */
@Entity({ tableName: 'document_signature' })
@Unique({ properties: ['documentId', 'kind', 'certificateSerial'] })
@Index({ properties: ['documentId'] })
export class DocumentSignature {
  @PrimaryKey({ type: 'string', length: 24 })
  id!: string;

  @Property({ type: 'string', length: 24 })
  documentId!: string;

  @Enum({ items: () => SignatureKind, type: 'string' })
  kind!: SignatureKind;

  /** The person (SIGNER) or organisation (ORGANIZATION) named in the certificate. */
  @Property({ type: 'string', length: 300 })
  signerName!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  signerPosition?: string | null;

  @Property({ type: 'datetime' })
  signedAt!: Date;

  /** Certificate serial number (hex, as in the certificate). */
  @Property({ type: 'string', length: 100 })
  certificateSerial!: string;

  /** Certificate issuer, e.g. "Ban Cơ yếu Chính phủ" or a licensed CA. */
  @Property({ type: 'string', length: 300 })
  certificateIssuer!: string;
}
