import { defineSubgraph } from '../../core/subgraph.js';

/**
 * Devices: smart-radio loudspeaker clusters, broadcasts, cameras, device heartbeats and uptime, village connectivity, the IT inventory, video conferencing.
 *
 * Its settings and `hub` commands, and its tables (./tables.ts) loaded when its database is opened,
 * without its GraphQL layer (./index.ts composes that from the parts): what the CLI and the
 * configuration load.
 */
export const devicesDefinition = defineSubgraph({
  name: 'devices',
  tables: () => import('./tables.js'),
});
