/** Runs the gateway alone: `node dist/gateway/main.js` (PORT, SUPERGRAPH_PATH, <SUBGRAPH>_URL). Same as `hub serve gateway`. */
import 'reflect-metadata';
import { loadConfig } from '../core/config.js';
import { onShutdown } from '../core/shutdown.js';
import { SUBGRAPH_REGISTRY } from '../subgraphs/registry.js';
import { startGateway } from './gateway-server.js';

const config = loadConfig(process.env, { subgraphs: SUBGRAPH_REGISTRY });
const subgraphUrls = Object.fromEntries(Object.entries(config.subgraphs).flatMap(([name, endpoint]) => (endpoint.url ? [[name, endpoint.url]] : [])));
const gateway = await startGateway({ config, port: config.PORT, subgraphUrls });
onShutdown(() => gateway.close());
