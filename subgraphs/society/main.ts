/** Runs the society subgraph alone: `node dist/subgraphs/society/main.js` (SOCIETY_PORT, default 4002). */
import 'reflect-metadata';
import { runSubgraphService } from '../../core/run-subgraph.js';
import { loadSubgraphConfig } from '../registry.js';
import { society } from './index.js';

await runSubgraphService(society, loadSubgraphConfig(society));
