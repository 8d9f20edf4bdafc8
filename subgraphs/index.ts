import { loadConfig, type ConfigSection, type HubConfig } from '../core/config.js';
import type { SubgraphModule } from '../core/subgraph.js';
import { commerce } from './commerce/index.js';
import { devices } from './devices/index.js';
import { governance } from './governance/index.js';
import { SUBGRAPH_NAMES, SUBGRAPH_REGISTRY, type SubgraphName } from './registry.js';
import { society } from './society/index.js';

/** Every subgraph module, by registry name (the type insists on all of them). */
export const SUBGRAPHS = { governance, society, devices, commerce } satisfies Record<SubgraphName, SubgraphModule>;

/** The modules in start order (the registry's). */
export const SUBGRAPH_MODULES: readonly SubgraphModule[] = SUBGRAPH_NAMES.map((name) => SUBGRAPHS[name]);

/**
 * The hub's configuration: core's variables, each registered subgraph's endpoint, and every section
 * the modules (and `extra`, e.g. the CLI's sandboxes) read, validated together at start-up.
 */
export function loadHubConfig(env: NodeJS.ProcessEnv = process.env, extra: readonly ConfigSection<unknown>[] = []): HubConfig {
  return loadConfig(env, { subgraphs: SUBGRAPH_REGISTRY, sections: [...SUBGRAPH_MODULES.flatMap((m) => m.settings), ...extra] });
}
