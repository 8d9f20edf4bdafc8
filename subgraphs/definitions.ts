import { loadConfig, type ConfigSection, type HubConfig } from '../core/config.js';
import type { SubgraphDefinition } from '../core/subgraph.js';
import { commerceDefinition } from './commerce/definition.js';
import { devicesDefinition } from './devices/definition.js';
import { governanceDefinition } from './governance/definition.js';
import { SUBGRAPH_NAMES, SUBGRAPH_REGISTRY, type SubgraphName } from './registry.js';
import { societyDefinition } from './society/definition.js';

/**
 * Every subgraph's definition (tables, settings, commands), by registry name: what `hub` loads
 * before it knows which command runs. The GraphQL layer is in ./index.ts, loaded only by what
 * serves it.
 */
export const SUBGRAPH_DEFINITIONS = {
  governance: governanceDefinition,
  society: societyDefinition,
  devices: devicesDefinition,
  commerce: commerceDefinition,
} satisfies Record<SubgraphName, SubgraphDefinition>;

/**
 * The hub's configuration: core's variables, each registered subgraph's endpoint, and every section
 * the subgraphs (and `extra`, e.g. the CLI's sandboxes) read, validated together at start-up.
 */
export function loadHubConfig(env: NodeJS.ProcessEnv = process.env, extra: readonly ConfigSection<unknown>[] = []): HubConfig {
  const sections = SUBGRAPH_NAMES.flatMap((name) => SUBGRAPH_DEFINITIONS[name].settings);
  return loadConfig(env, { subgraphs: SUBGRAPH_REGISTRY, sections: [...sections, ...extra] });
}
