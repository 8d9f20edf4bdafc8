import type { SubgraphContext } from '../../../core/graphql/context.js';
import { communeForWrite } from '../common/officer-scope.js';
import { throwProblems, withConflictAsError } from '../common/write-errors.js';
import { DocumentDirection } from './document-enums.js';
import { documentAlreadyRegistered } from './document-uniqueness.rules.js';
import { countedDocument, documentSummaryDeltas } from './document-summary.rules.js';
import { applyDocumentSummaryDeltas } from './document-summary.store.js';
import { DocumentRecord } from './document.entity.js';
import { checkDocumentDraft, toDocumentRecord, type DocumentDraft } from './document.rules.js';
import { nextOutgoingNumber } from './document.store.js';
import type { IssueOutgoingDocumentInput } from './document.type.js';

/**
 * Records a document the commune issues, numbered with the next number of the issuer's year unless
 * one is given, in one transaction. Officers of the commune only; CONFLICT on a number already used.
 */
export async function issueOutgoingDocument(context: SubgraphContext, input: IssueOutgoingDocumentInput): Promise<DocumentRecord> {
  await communeForWrite(context, input.communeId, input.issuedOn, 'input.communeId', 'input.issuedOn');
  const base: DocumentDraft = { ...input, number: input.number ?? 1, direction: DocumentDirection.OUTGOING };
  throwProblems(checkDocumentDraft(base));
  return withConflictAsError(
    () =>
      context.em.transactional(async (tx) => {
        const number = input.number ?? (await nextOutgoingNumber(tx, input.communeId, DocumentDirection.OUTGOING, input.issuingBody, Number(input.issuedOn.slice(0, 4))));
        const candidate = toDocumentRecord({ ...base, number }, new Date());
        if (await tx.findOne(DocumentRecord, { id: candidate.id })) throw documentAlreadyRegistered(candidate);
        tx.persist(candidate);
        // A new document has no signature yet.
        await applyDocumentSummaryDeltas(tx, documentSummaryDeltas([{ after: countedDocument(candidate, false) }]));
        return candidate;
      }),
    'Another officer issued a document with the same number at the same moment: read the register and try again.',
  );
}
