import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SubgraphName } from '../../subgraphs/registry.js';
import { composeSupergraph } from '../../scripts/support/compose.js';
import { postGraphQL } from './graphql-client.js';
import type { TestHub } from './hub.js';

export interface HangingSubgraph {
  /** The hub's supergraph with `name` routed to a server that accepts calls and never answers. */
  supergraphSdl: string;
  /** The requests it received and holds open. */
  held: IncomingMessage[];
  close(): Promise<void>;
}

/** Like a subgraph stuck on a lock: same schema as the real one, but it never answers. */
export async function hangingSubgraph(hub: TestHub, name: SubgraphName): Promise<HangingSubgraph> {
  const held: IncomingMessage[] = [];
  const server = createServer((req) => void held.push(req));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hangingUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const subgraphs = await Promise.all(
    Object.entries(hub.subgraphs).map(async ([subgraph, running]) => ({
      name: subgraph,
      url: subgraph === name ? hangingUrl : running!.url,
      sdl: (await postGraphQL<{ _service: { sdl: string } }>(running!.url, '{ _service { sdl } }')).data!._service.sdl,
    })),
  );
  return {
    supergraphSdl: composeSupergraph(subgraphs),
    held,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
