import type { SubgraphModule } from '../core/subgraph.js';
import { commerce } from './commerce/index.js';
import { devices } from './devices/index.js';
import { governance } from './governance/index.js';
import type { SubgraphName } from './registry.js';
import { society } from './society/index.js';

/** Every subgraph module as its server runs it, by registry name (the type insists on all of them). */
export const SUBGRAPHS = { governance, society, devices, commerce } satisfies Record<SubgraphName, SubgraphModule>;
