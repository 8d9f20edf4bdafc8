import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotDocuments } from '../pilot/pilot-documents.js';
import { DocumentMutationsResolver } from './document-mutations.resolver.js';
import { CommuneDocumentsResolver, DocumentResolver } from './document.resolver.js';

/** The electronic document register (Decree 30/2020): incoming and outgoing documents and their digital signatures. */
export const documentsPart: SubgraphPart = {
  resolvers: [DocumentResolver, CommuneDocumentsResolver, DocumentMutationsResolver],
  seedPilot: (em) => seedPilotDocuments(em),
};
