import { loadConfig, type HubConfig, type SubgraphEntry } from '../core/config.js';
import type { SubgraphDefinition } from '../core/subgraph.js';

/**
 * Every subgraph of the hub: its name and default port, in start order (governance first: it owns
 * Commune). The per-subgraph settings (`<NAME>_PORT`, `<NAME>_URL`, `<NAME>_TIMEOUT_MS`) derive from
 * this list; the modules themselves are in ./index.ts. Adding a subgraph: a line here and one there.
 */
export const SUBGRAPH_REGISTRY = [
  { name: 'governance', defaultPort: 4001 },
  { name: 'society', defaultPort: 4002 },
  { name: 'devices', defaultPort: 4003 },
  { name: 'commerce', defaultPort: 4004 },
] as const satisfies readonly SubgraphEntry[];

export type SubgraphName = (typeof SUBGRAPH_REGISTRY)[number]['name'];

export const SUBGRAPH_NAMES: readonly SubgraphName[] = SUBGRAPH_REGISTRY.map((s) => s.name);

export function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}

/** The configuration one subgraph service needs: core's, the endpoints, and its own sections (`<name>/main.ts`). */
export function loadSubgraphConfig(module: SubgraphDefinition, env: NodeJS.ProcessEnv = process.env): HubConfig {
  return loadConfig(env, { subgraphs: SUBGRAPH_REGISTRY, sections: module.settings });
}
