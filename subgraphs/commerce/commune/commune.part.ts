import type { SubgraphPart } from '../../../core/subgraph.js';
import { CommuneRefusedCommerceReadsResolver, RefusedCommerceReadsResolver } from './refused-reads.resolver.js';

/**
 * The refused-read log every commerce part writes to (subgraphs/shared/access-guard.ts), its list
 * on Commune, and the whole log for admins (Query.refusedCommerceReads). The Commune reference type itself is the catalogue's (it hangs producers and products on it).
 */
export const communePart: SubgraphPart = {
  resolvers: [CommuneRefusedCommerceReadsResolver, RefusedCommerceReadsResolver],
};
