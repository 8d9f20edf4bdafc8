import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotDocuments } from '../pilot/pilot-documents.js';
import { registerRebuildSummaryCommand } from '../common/month-summary-rebuild.js';
import { DOCUMENT_SUMMARY } from './document-summary.cli.js';
import { DocumentMutationsResolver } from './document-mutations.resolver.js';
import { DocumentSignature } from './document-signature.entity.js';
import { DocumentRecord } from './document.entity.js';
import { DocumentMonthSummary } from './document-month-summary.entity.js';
import { CommuneDocumentsResolver, DocumentResolver } from './document.resolver.js';

/** The electronic document register (Decree 30/2020): incoming and outgoing documents and their digital signatures. */
export const documentsPart: SubgraphPart = {
  entities: [DocumentRecord, DocumentSignature, DocumentMonthSummary],
  resolvers: [DocumentResolver, CommuneDocumentsResolver, DocumentMutationsResolver],
  seedPilot: (em) => seedPilotDocuments(em),
  commands: (program, context) => registerRebuildSummaryCommand(program, context, DOCUMENT_SUMMARY),
};
