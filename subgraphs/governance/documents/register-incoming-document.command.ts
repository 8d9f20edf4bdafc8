import { conflict } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { communeForWrite } from '../common/officer-scope.js';
import { throwProblems, withConflictAsError } from '../common/write-errors.js';
import { DocumentDirection } from './document-enums.js';
import { documentAlreadyRegistered } from './document-uniqueness.rules.js';
import { countedDocument, documentSummaryDeltas } from './document-summary.rules.js';
import { applyDocumentSummaryDeltas } from './document-summary.store.js';
import { DocumentRecord } from './document.entity.js';
import { checkDocumentDraft, toDocumentRecord, type DocumentDraft } from './document.rules.js';
import { nextArrivalNumber } from './document.store.js';
import type { RegisterIncomingDocumentInput } from './document.type.js';

/**
 * Registers a document that arrived at the commune, with the next arrival number of the year unless
 * one is given, in one transaction. Officers of the commune only; CONFLICT on a document or arrival
 * number already registered.
 */
export async function registerIncomingDocument(context: SubgraphContext, input: RegisterIncomingDocumentInput): Promise<DocumentRecord> {
  await communeForWrite(context, input.communeId, input.arrivedOn, 'input.communeId', 'input.arrivedOn');
  const draft: DocumentDraft = { ...input, direction: DocumentDirection.INCOMING };
  throwProblems(checkDocumentDraft(draft));
  return withConflictAsError(
    () =>
      context.em.transactional(async (tx) => {
        const year = Number(input.arrivedOn.slice(0, 4));
        const arrivalNumber = input.arrivalNumber ?? (await nextArrivalNumber(tx, input.communeId, year));
        const candidate = toDocumentRecord({ ...draft, arrivalNumber }, new Date());
        if (await tx.findOne(DocumentRecord, { id: candidate.id })) throw documentAlreadyRegistered(candidate);
        const taken = await tx.findOne(DocumentRecord, { communeId: input.communeId, registerYear: year, arrivalNumber });
        if (taken) {
          throw conflict(`Arrival number ${arrivalNumber} of ${year} is already used by ${taken.number}/${taken.symbol}: omit arrivalNumber to take the next free one.`, {
            field: 'input.arrivalNumber',
          });
        }
        tx.persist(candidate);
        // A new document has no signature yet.
        await applyDocumentSummaryDeltas(tx, documentSummaryDeltas([{ after: countedDocument(candidate, false) }]));
        return candidate;
      }),
    'Another officer registered the same document or arrival number at the same moment: read the register and try again.',
  );
}
