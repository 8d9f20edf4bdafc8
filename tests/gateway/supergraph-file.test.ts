import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, print, visit } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { RunningSubgraph } from '../../core/subgraph-server.js';
import { startSubgraph } from '../helpers/gateway-signing.js';
import { composeSupergraph } from '../../scripts/support/compose.js';
import { startGateway, type RunningGateway } from '../../gateway/gateway-server.js';
import { governance } from '../../subgraphs/governance/index.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { postGraphQL } from '../helpers/graphql-client.js';
import { captureLogs } from '../helpers/log-capture.js';

describe('gateway: static supergraph file', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let gateway: RunningGateway;
  let dir: string;
  let fullSupergraph: string;
  let file: string;
  const logs = captureLogs('info');

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
    const sdl = (await postGraphQL<{ _service: { sdl: string } }>(subgraph.url, '{ _service { sdl } }')).data!._service.sdl;
    // An older deployment: the same subgraph before `communeById` existed.
    const olderSdl = print(visit(parse(sdl), { FieldDefinition: (node) => (node.name.value === 'communeById' ? null : undefined) }));
    fullSupergraph = composeSupergraph([{ name: 'governance', url: 'http://localhost:4001/graphql', sdl }]);
    dir = mkdtempSync(path.join(tmpdir(), 'hub-supergraph-'));
    file = path.join(dir, 'supergraph.graphql');
    writeFileSync(file, composeSupergraph([{ name: 'governance', url: 'http://localhost:4001/graphql', sdl: olderSdl }]));
    gateway = await startGateway({
      config: loadConfig({ ...process.env, HUB_DATA_DIR: env.dataDir, SUPERGRAPH_PATH: file, LOG_LEVEL: 'silent' }),
      port: 0,
      host: '127.0.0.1',
      subgraphUrls: { governance: subgraph.url },
      supergraphPollIntervalMs: 50,
      logger: logs.logger('gateway'),
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraph?.close();
    await env?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the file, routes to the overridden URL, and picks up a new file without a restart', async () => {
    const query = '{ communeById(id: "05068/2") { name } }';
    const before = await postGraphQL(gateway.url, query);
    expect(before.errors?.[0].message).toMatch(/communeById/);
    expect((await postGraphQL(gateway.url, '{ commune(code: "05068") { name } }')).data).toEqual({ commune: { name: 'Hợp Kim' } });

    writeFileSync(file, fullSupergraph);
    // Until the gateway has read the new file: asked again as long as it answers with the old schema.
    await expect.poll(async () => (await postGraphQL(gateway.url, query)).data, { timeout: 30_000, interval: 50 }).toEqual({ communeById: { name: 'Hợp Kim' } });
  });

  it('keeps serving the previous schema when the new file is broken', async () => {
    writeFileSync(file, 'this is not a supergraph');
    // Wait until the gateway has read the broken file, not for a fixed time.
    await vi.waitFor(() => expect(logs.text()).toContain('could not be loaded; keeping the previous schema'), { timeout: 30_000, interval: 25 });
    expect((await postGraphQL(gateway.url, '{ communeById(id: "05068/1") { name } }')).data).toEqual({ communeById: { name: 'Nam Thượng' } });
  });
});
