/** Runs the devices subgraph alone: `node dist/subgraphs/devices/main.js` (DEVICES_PORT, default 4003). Same as `hub serve devices`. */
import 'reflect-metadata';
import { runSubgraphService } from '../../core/run-subgraph.js';
import { loadSubgraphConfig } from '../registry.js';
import { devices } from './index.js';

await runSubgraphService(devices, loadSubgraphConfig(devices));
