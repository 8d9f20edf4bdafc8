import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, print, visit } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { RunningSubgraph } from '../../core/subgraph-server.js';
import { startSubgraph } from '../helpers/gateway-signing.js';
import { composeSupergraph } from '../../scripts/support/compose.js';
import { startGateway, type RunningGateway } from '../../gateway/gateway-server.js';
import { governance } from '../../subgraphs/governance/index.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { postGraphQL } from '../helpers/graphql-client.js';

/**
 * Kubernetes mounts a ConfigMap as symlinks (`supergraph.graphql -> ..data/supergraph.graphql`,
 * `..data -> ..2026_12_01_10_00_00.1/`) and updates it by writing a new timestamped folder and
 * renaming a new `..data` link over the old one. The file itself is never written: the gateway must
 * see the swap (deploy/kubernetes mounts the supergraph this way).
 */
describe('gateway: supergraph mounted from a Kubernetes ConfigMap', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let gateway: RunningGateway;
  let mount: string;
  let fullSupergraph: string;

  const publish = (version: number, supergraph: string) => {
    const folder = `..2026_12_01_10_00_0${version}.${version}`;
    mkdirSync(path.join(mount, folder));
    writeFileSync(path.join(mount, folder, 'supergraph.graphql'), supergraph);
    symlinkSync(folder, path.join(mount, '..data_tmp'));
    renameSync(path.join(mount, '..data_tmp'), path.join(mount, '..data'));
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
    const sdl = (await postGraphQL<{ _service: { sdl: string } }>(subgraph.url, '{ _service { sdl } }')).data!._service.sdl;
    const olderSdl = print(visit(parse(sdl), { FieldDefinition: (node) => (node.name.value === 'communeById' ? null : undefined) }));
    fullSupergraph = composeSupergraph([{ name: 'governance', url: 'http://localhost:4001/graphql', sdl }]);
    mount = mkdtempSync(path.join(tmpdir(), 'hub-configmap-'));
    publish(1, composeSupergraph([{ name: 'governance', url: 'http://localhost:4001/graphql', sdl: olderSdl }]));
    symlinkSync('..data/supergraph.graphql', path.join(mount, 'supergraph.graphql'));
    gateway = await startGateway({
      config: loadConfig({ ...process.env, HUB_DATA_DIR: env.dataDir, SUPERGRAPH_PATH: path.join(mount, 'supergraph.graphql'), LOG_LEVEL: 'silent' }),
      port: 0,
      host: '127.0.0.1',
      subgraphUrls: { governance: subgraph.url },
      supergraphPollIntervalMs: 50,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraph?.close();
    await env?.cleanup();
    if (mount) rmSync(mount, { recursive: true, force: true });
  });

  it('serves the new schema after the ConfigMap update swaps the ..data link, without a restart', async () => {
    const query = '{ communeById(id: "05068/2") { name } }';
    expect((await postGraphQL(gateway.url, query)).errors?.[0]?.message).toMatch(/communeById/);
    publish(2, fullSupergraph);
    await expect.poll(async () => (await postGraphQL(gateway.url, query)).data, { timeout: 30_000, interval: 100 }).toEqual({ communeById: { name: 'Hợp Kim' } });
  });
});
