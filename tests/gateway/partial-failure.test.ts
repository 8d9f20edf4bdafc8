import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/gateway-server.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { postGraphQL } from '../helpers/graphql-client.js';
import { hangingSubgraph, type HangingSubgraph } from '../helpers/hanging-subgraph.js';
import { startHub, type TestHub } from '../helpers/hub.js';

const QUERY = `{
  commune(code: "05068", on: "2021-06-01") {
    name
    radioClusters { village status }
  }
}`;

describe('gateway: one subgraph down', () => {
  let env: TestEnvironment;
  let hub: TestHub;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'devices'] });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('answers with partial data and an error naming the subgraph, then recovers without a gateway restart', async () => {
    const full = await postGraphQL<{ commune: { name: string; radioClusters: unknown[] } }>(hub.url, QUERY);
    expect(full.errors).toBeUndefined();
    expect(full.data?.commune.radioClusters.length).toBeGreaterThan(0);

    await hub.stopSubgraph('devices');
    const partial = await postGraphQL<{ commune: { name: string; radioClusters: unknown[] | null } }>(hub.url, QUERY);
    expect(partial.status).toBe(200);
    expect(partial.data?.commune).toEqual({ name: 'Nam Thượng', radioClusters: null });
    expect(partial.errors).toHaveLength(1);
    expect(partial.errors?.[0]).toMatchObject({
      message: expect.stringContaining('devices subgraph is unavailable'),
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'devices' },
    });
    const base = hub.url.replace(/\/graphql$/, '');
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', subgraphs: expect.arrayContaining([{ name: 'devices', url: expect.any(String), ready: false }]) });
    expect((await fetch(`${base}/health`)).status).toBe(200);

    await hub.startSubgraph('devices');
    const restored = await postGraphQL<{ commune: { radioClusters: unknown[] } }>(hub.url, QUERY);
    expect(restored.errors).toBeUndefined();
    expect(restored.data).toEqual(full.data);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });
});

describe('gateway: a subgraph that hangs', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let hanging: HangingSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'devices'] });
    hanging = await hangingSubgraph(hub, 'devices');
    // Only devices gets a short deadline. Every other one (governance's, the default, the operation's) is far beyond the
    // test's own timeout, so an answer at all shows that the devices deadline was applied: no clock reading needed.
    const long = 600_000;
    gateway = await hub.startGateway(
      {
        OPERATION_TIMEOUT_MS: long,
        SUBGRAPH_TIMEOUT_MS: long,
        subgraphs: { ...env.config.subgraphs, governance: { ...env.config.subgraphs.governance!, timeoutMs: long }, devices: { ...env.config.subgraphs.devices!, timeoutMs: 300 } },
      },
      { supergraphSdl: hanging.supergraphSdl },
    );
  });
  afterAll(async () => {
    await hub?.close();
    await hanging?.close();
    await env?.cleanup();
  });

  it('gives up after the subgraph\'s timeout (DEVICES_TIMEOUT_MS) and still answers the rest', async () => {
    const response = await postGraphQL<{ commune: { name: string; radioClusters: null } }>(gateway.url, QUERY);
    expect(response.data?.commune).toEqual({ name: 'Nam Thượng', radioClusters: null });
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('did not answer in time'),
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'devices' },
    });
    // The gateway gave the call up, not only the answer: the stuck subgraph sees its request's connection closed.
    expect(hanging.held).toHaveLength(1);
    await expect.poll(() => hanging.held[0]!.socket.destroyed, { timeout: 30_000 }).toBe(true);
  });
});
