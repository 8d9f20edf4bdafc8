import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeSupergraph } from '../../gateway/compose.js';
import { startGateway, type RunningGateway } from '../../gateway/gateway-server.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';

const QUERY = '{ commune(code: "05068", on: "2021-06-01") { name radioClusters { village } } }';

describe('gateway: a deadline for the whole operation', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let hanging: Server;
  let gateway: RunningGateway;
  const held: IncomingMessage[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'devices'] });
    // Devices accepts the call and never answers.
    hanging = createServer((req) => void held.push(req));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const sdlOf = async (url: string) => (await postGraphQL<{ _service: { sdl: string } }>(url, '{ _service { sdl } }')).data!._service.sdl;
    const supergraphSdl = composeSupergraph([
      { name: 'governance', url: hub.subgraphs.governance!.url, sdl: await sdlOf(hub.subgraphs.governance!.url) },
      { name: 'devices', url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`, sdl: await sdlOf(hub.subgraphs.devices!.url) },
    ]);
    // The per-call timeout is far away: only the operation's deadline can end the wait.
    gateway = await startGateway({ config: { ...env.config, OPERATION_TIMEOUT_MS: 500, DEVICES_TIMEOUT_MS: 600_000 }, port: 0, host: '127.0.0.1', supergraphSdl });
  });
  afterAll(async () => {
    await gateway?.close();
    hanging?.closeAllConnections();
    hanging?.close();
    await hub?.close();
    await env?.cleanup();
  });

  it('answers what arrived in time, with one OPERATION_LIMIT_EXCEEDED error, and aborts the call still waiting', async () => {
    const response = await postGraphQL<{ commune: { name: string; radioClusters: null } }>(gateway.url, QUERY);
    expect(response.status).toBe(200);
    expect(response.data?.commune).toEqual({ name: 'Nam Thượng', radioClusters: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/ran out of time \(500 ms\)/),
      extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'time', maximum: 500, serviceName: 'devices' },
    });
    // The gateway hung up on the subgraph instead of holding the call open.
    expect(held).toHaveLength(1);
    await vi.waitFor(() => expect(held[0].socket.destroyed).toBe(true));
  });
});

describe('gateway: a byte budget for what one operation receives from subgraphs', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let small: RunningGateway;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env });
    small = await startGateway({ config: { ...env.config, OPERATION_MAX_RESPONSE_BYTES: 1500 }, port: 0, host: '127.0.0.1', supergraphSdl: hub.supergraphSdl });
  });
  afterAll(async () => {
    await small?.close();
    await hub?.close();
    await env?.cleanup();
  });

  it('cuts an answer over OPERATION_MAX_RESPONSE_BYTES short with OPERATION_LIMIT_EXCEEDED, and a small one still fits', async () => {
    const sample = readFileSync('docs/sample-query.graphql', 'utf8');
    const big = await postGraphQL(small.url, sample, { code: '05068', on: '2021-06-01' });
    const over = big.errors?.filter((e) => e.extensions?.code === 'OPERATION_LIMIT_EXCEEDED') ?? [];
    expect(over).toHaveLength(1);
    expect(over[0].extensions).toMatchObject({ limit: 'responseSize', maximum: 1500 });
    const fits = await postGraphQL<{ commune: { name: string } }>(small.url, '{ commune(code: "05068", on: "2021-06-01") { name } }');
    expect(fits.errors).toBeUndefined();
    expect(fits.data?.commune.name).toBe('Nam Thượng');
  });
});
