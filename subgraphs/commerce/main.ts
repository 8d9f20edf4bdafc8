/** Runs the commerce subgraph alone: `node dist/subgraphs/commerce/main.js` (COMMERCE_PORT, default 4004). Same as `hub serve commerce`. */
import 'reflect-metadata';
import { runSubgraphService } from '../../core/run-subgraph.js';
import { loadSubgraphConfig } from '../registry.js';
import { commerce } from './index.js';

await runSubgraphService(commerce, loadSubgraphConfig(commerce));
