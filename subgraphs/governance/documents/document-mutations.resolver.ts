import type { EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { toCount } from '../../../core/db/database.js';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { foldForSearch } from '../../../core/text.js';
import { executeSql, tableName } from '../common/dialect.js';
import { communeForWrite, requireOfficerOf, requireViewer } from '../common/officer-scope.js';
import { throwProblems, withConflictAsError } from '../common/write-errors.js';
import { unitLoader } from '../units/unit-registry.js';
import { DocumentDirection } from './document-enums.js';
import { checkDocumentDraft, toDocumentRecord, type DocumentDraft } from './document.rules.js';
import { DocumentSignature } from './document-signature.entity.js';
import { DocumentRecord } from './document.entity.js';
import { toDocumentView, toSignatureView } from './document.store.js';
import {
  AttachSignatureInput,
  AttachSignaturePayload,
  IssueOutgoingDocumentInput,
  IssueOutgoingDocumentPayload,
  RegisterIncomingDocumentInput,
  RegisterIncomingDocumentPayload,
} from './document.type.js';
import { checkSignatureDraft, toSignature } from './signature.rules.js';

async function nextNumber(em: EntityManager, sql: string, params: (string | number)[]): Promise<number> {
  const [row] = await executeSql(em, sql, params);
  return toCount(row?.n) + 1;
}

/** Refuses a document whose natural key (issuer, year, number, symbol) is already in the register. */
async function ensureNew(tx: EntityManager, record: DocumentRecord): Promise<void> {
  if (await tx.findOne(DocumentRecord, { id: record.id })) {
    throw conflict(
      `${record.issuingBody} already has document ${record.number}/${record.symbol} of ${record.issuedYear} in this register: ` +
        'numbers are unique per issuer and year. Check the number, or look the document up instead of registering it again.',
      { field: 'input.number' },
    );
  }
}

@Resolver()
export class DocumentMutationsResolver {
  @Mutation(() => RegisterIncomingDocumentPayload, {
    description:
      'Registers a document that arrived at the commune (văn bản đến), giving it the next arrival number of the year unless one is given. ' +
      'Officers of that commune only. CONFLICT when the issuer\'s number and symbol of that year, or the arrival number, is already registered.',
  })
  async registerIncomingDocument(
    @Arg('input', () => RegisterIncomingDocumentInput, { description: 'The document and its arrival.' }) input: RegisterIncomingDocumentInput,
    @Ctx() context: SubgraphContext,
  ): Promise<RegisterIncomingDocumentPayload> {
    await communeForWrite(context, input.communeId, input.arrivedOn, 'input.communeId', 'input.arrivedOn');
    const draft: DocumentDraft = { ...input, direction: DocumentDirection.INCOMING };
    throwProblems(checkDocumentDraft(draft));
    const record = await withConflictAsError(
      () =>
        context.em.transactional(async (tx) => {
          const year = Number(input.arrivedOn.slice(0, 4));
          const arrivalNumber =
            input.arrivalNumber ??
            (await nextNumber(tx, `select max(arrival_number) as n from ${tableName(tx, 'document')} where commune_id = ? and register_year = ?`, [input.communeId, year]));
          const candidate = toDocumentRecord({ ...draft, arrivalNumber }, new Date());
          await ensureNew(tx, candidate);
          const taken = await tx.findOne(DocumentRecord, { communeId: input.communeId, registerYear: year, arrivalNumber });
          if (taken) {
            throw conflict(`Arrival number ${arrivalNumber} of ${year} is already used by ${taken.number}/${taken.symbol}: omit arrivalNumber to take the next free one.`, {
              field: 'input.arrivalNumber',
            });
          }
          tx.persist(candidate);
          return candidate;
        }),
      'Another officer registered the same document or arrival number at the same moment: read the register and try again.',
    );
    return { document: toDocumentView(record) };
  }

  @Mutation(() => IssueOutgoingDocumentPayload, {
    description:
      'Records a document the commune issues (văn bản đi), numbered with the next number of the issuer\'s year unless one is given. ' +
      'Attach its digital signatures with attachSignature. Officers of that commune only. CONFLICT on a number already used that year.',
  })
  async issueOutgoingDocument(
    @Arg('input', () => IssueOutgoingDocumentInput, { description: 'The document.' }) input: IssueOutgoingDocumentInput,
    @Ctx() context: SubgraphContext,
  ): Promise<IssueOutgoingDocumentPayload> {
    await communeForWrite(context, input.communeId, input.issuedOn, 'input.communeId', 'input.issuedOn');
    const base: DocumentDraft = { ...input, number: input.number ?? 1, direction: DocumentDirection.OUTGOING };
    throwProblems(checkDocumentDraft(base));
    const record = await withConflictAsError(
      () =>
        context.em.transactional(async (tx) => {
          const number =
            input.number ??
            (await nextNumber(tx, `select max(number) as n from ${tableName(tx, 'document')} where commune_id = ? and direction = ? and issuer_key = ? and issued_year = ?`, [
              input.communeId,
              DocumentDirection.OUTGOING,
              foldForSearch(input.issuingBody),
              Number(input.issuedOn.slice(0, 4)),
            ]));
          const candidate = toDocumentRecord({ ...base, number }, new Date());
          await ensureNew(tx, candidate);
          tx.persist(candidate);
          return candidate;
        }),
      'Another officer issued a document with the same number at the same moment: read the register and try again.',
    );
    return { document: toDocumentView(record) };
  }

  @Mutation(() => AttachSignaturePayload, {
    description:
      'Records a digital signature on an outgoing electronic document; from then on the document counts as signed. ' +
      'Officers of the document\'s commune only. CONFLICT when that signature (kind and certificate serial) is already recorded.',
  })
  async attachSignature(
    @Arg('input', () => AttachSignatureInput, { description: 'The signature.' }) input: AttachSignatureInput,
    @Ctx() context: SubgraphContext,
  ): Promise<AttachSignaturePayload> {
    requireViewer(context);
    const document = await context.em.findOne(DocumentRecord, { id: input.documentId });
    if (!document) throw notFound(`No document has id "${input.documentId}": take the id from the document register.`);
    const unit = await unitLoader(context).load(document.communeId);
    requireOfficerOf(context, unit ?? { id: document.communeId, code: '', name: document.communeId });
    if (document.direction !== DocumentDirection.OUTGOING || !document.electronic) {
      throw invalidInput('Only an outgoing electronic document carries digital signatures recorded here.', 'input.documentId');
    }
    throwProblems(checkSignatureDraft(input));
    const signature = toSignature(input);
    await withConflictAsError(
      () =>
        context.em.transactional(async (tx) => {
          if (await tx.findOne(DocumentSignature, { id: signature.id })) {
            throw conflict(`This ${signature.kind} signature (certificate ${signature.certificateSerial}) is already recorded on the document.`, {
              field: 'input.certificateSerial',
            });
          }
          tx.persist(signature);
        }),
      'The same signature was recorded at the same moment.',
    );
    return { signature: toSignatureView(signature), document: toDocumentView(document) };
  }
}
