import type { HubConfig } from '../../core/config.js';
import type { Logger } from '../../core/logger.js';
import type { SubgraphName } from '../../subgraphs/registry.js';
import type { RunningSubgraph } from '../../core/subgraph-server.js';
import { startSubgraph as startSubgraphServer } from './gateway-signing.js';
import { composeSupergraph } from '../../scripts/support/compose.js';
import { startGateway, type RunningGateway, type StartGatewayOptions } from '../../gateway/gateway-server.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';
import type { TestEnvironment } from './databases.js';
import { postGraphQL } from './graphql-client.js';

export interface TestHub {
  /** The gateway's /graphql URL: what a frontend queries. */
  url: string;
  /** The supergraph composed from the running subgraphs, to start another gateway on. */
  supergraphSdl: string;
  subgraphs: Partial<Record<SubgraphName, RunningSubgraph>>;
  gateway: RunningGateway;
  /** Stops one subgraph (its port stays reserved for `startSubgraph`). */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** Starts a stopped subgraph again on the same port and data. */
  startSubgraph(name: SubgraphName): Promise<RunningSubgraph>;
  /** Another gateway on the same subgraphs with other settings (closed with the hub). */
  startGateway(settings?: Partial<HubConfig>, options?: Pick<StartGatewayOptions, 'subgraphUrls' | 'logger' | 'supergraphSdl'>): Promise<RunningGateway>;
  close(): Promise<void>;
}

export interface StartHubOptions {
  env: TestEnvironment;
  /** Which subgraphs to run; default all. Governance is always included (it owns Commune). */
  subgraphs?: SubgraphName[];
  seed?: boolean;
  /** Run the subgraphs' background work (sync worker, sweepers). Default false: tests drive it. */
  background?: boolean;
  /** The hub's own loggers (redaction included) for the gateway and each subgraph, e.g. to read what they log. */
  logger?: (service: string) => Logger;
}

/**
 * The real hub for tests: each subgraph over HTTP on a free port with its own database, and the
 * gateway in front, its supergraph composed from the running subgraphs' SDL (as `schema:compose`
 * does from code), so a test sees exactly what a client would.
 */
export async function startHub(options: StartHubOptions): Promise<TestHub> {
  const names = [...new Set<SubgraphName>(['governance', ...(options.subgraphs ?? (Object.keys(SUBGRAPHS) as SubgraphName[]))])];
  const running: Partial<Record<SubgraphName, RunningSubgraph>> = {};
  const ports: Partial<Record<SubgraphName, number>> = {};
  const start = async (name: SubgraphName, port: number) => {
    const module = SUBGRAPHS[name];
    const subgraph = await startSubgraphServer(module, {
      config: options.env.config,
      port,
      host: '127.0.0.1',
      seed: options.seed ?? true,
      background: options.background ?? false,
      target: options.env.target(name),
      logger: options.logger?.(name),
    });
    running[name] = subgraph;
    ports[name] = subgraph.port;
    return subgraph;
  };
  try {
    for (const name of names) await start(name, 0);
    const sdls = await Promise.all(
      names.map(async (name) => {
        const url = running[name]!.url;
        const response = await postGraphQL<{ _service: { sdl: string } }>(url, '{ _service { sdl } }');
        return { name, url, sdl: response.data!._service.sdl };
      }),
    );
    const supergraphSdl = composeSupergraph(sdls);
    const gateway = await startGateway({ config: options.env.config, port: 0, host: '127.0.0.1', supergraphSdl, logger: options.logger?.('gateway') });
    const others: RunningGateway[] = [];
    return {
      url: gateway.url,
      supergraphSdl,
      subgraphs: running,
      gateway,
      async stopSubgraph(name) {
        await running[name]?.close();
        delete running[name];
      },
      startSubgraph: (name) => start(name, ports[name]!),
      async startGateway(settings = {}, gatewayOptions = {}) {
        const other = await startGateway({ supergraphSdl, ...gatewayOptions, config: { ...options.env.config, ...settings }, port: 0, host: '127.0.0.1' });
        others.push(other);
        return other;
      },
      async close() {
        for (const other of others) await other.close();
        await gateway.close();
        for (const name of names) await running[name]?.close();
      },
    };
  } catch (error) {
    for (const name of names) await running[name]?.close().catch(() => undefined);
    throw error;
  }
}
