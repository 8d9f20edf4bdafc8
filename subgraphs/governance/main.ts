/** Runs the governance subgraph alone: `node dist/subgraphs/governance/main.js` (GOVERNANCE_PORT, default 4001). */
import 'reflect-metadata';
import { runSubgraphService } from '../../core/run-subgraph.js';
import { loadSubgraphConfig } from '../registry.js';
import { governance } from './index.js';

await runSubgraphService(governance, loadSubgraphConfig(governance));
