import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { requireOfficerOf, requireViewer } from '../common/officer-scope.js';
import { throwProblems, withConflictAsError } from '../common/write-errors.js';
import { unitLoader } from '../units/unit-registry.js';
import { DocumentDirection } from './document-enums.js';
import { DocumentSignature } from './document-signature.entity.js';
import { documentSummaryDeltas } from './document-summary.rules.js';
import { applyDocumentSummaryDeltas, lockCountedDocuments } from './document-summary.store.js';
import { DocumentRecord } from './document.entity.js';
import type { AttachSignatureInput } from './document.type.js';
import { checkSignatureDraft, toSignature } from './signature.rules.js';

/**
 * Records a digital signature on an outgoing electronic document, in one transaction. Officers of
 * the document's commune only; CONFLICT when that signature is already recorded.
 */
export async function attachSignature(context: SubgraphContext, input: AttachSignatureInput): Promise<{ signature: DocumentSignature; document: DocumentRecord }> {
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
        // The first signature makes the document count as signed; the summary follows in the same transaction.
        const before = (await lockCountedDocuments(tx, [document.id])).get(document.id);
        if (before && !before.signed) await applyDocumentSummaryDeltas(tx, documentSummaryDeltas([{ before, after: { ...before, signed: true } }]));
      }),
    'The same signature was recorded at the same moment.',
  );
  return { signature, document };
}
