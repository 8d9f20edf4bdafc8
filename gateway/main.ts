/** Runs the gateway alone: `node dist/gateway/main.js` (PORT, SUPERGRAPH_PATH, <SUBGRAPH>_URL). Same as `hub serve gateway`. */
import 'reflect-metadata';
import { loadConfig, SUBGRAPH_NAMES, subgraphUrlOverride } from '../core/config.js';
import { onShutdown } from '../core/shutdown.js';
import { startGateway } from './gateway-server.js';

const config = loadConfig();
const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.flatMap((name) => {
  const url = subgraphUrlOverride(config, name);
  return url ? [[name, url]] : [];
}));
const gateway = await startGateway({ config, port: config.PORT, subgraphUrls });
onShutdown(() => gateway.close());
