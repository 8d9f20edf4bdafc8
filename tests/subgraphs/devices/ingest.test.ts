import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../subgraphs/shared/roles.js';
import { PILOT_COMMUNES } from '../../../subgraphs/shared/pilot-communes.js';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { startSubgraph } from '../../helpers/gateway-signing.js';
import { devices } from '../../../subgraphs/devices/index.js';
import { createOfflineSweeper } from '../../../subgraphs/devices/telemetry/offline-sweeper.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';
import { capturingLogger, fakeClock, gql, heartbeatUrl, REGISTER_DEVICE, sendHeartbeat, tokenFor } from './devices-harness.js';

describe('devices: the heartbeat ingest authenticates each device', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let clock: ReturnType<typeof fakeClock>;
  let ingest: string;
  let officer: Record<string, string>;
  const log = capturingLogger();

  beforeAll(async () => {
    clock = fakeClock('2026-03-02T01:00:00Z');
    env = await createTestEnvironment();
    subgraph = await startSubgraph(devices, { config: env.config, port: 0, host: '127.0.0.1', seed: true, background: true, target: env.target('devices'), logger: log.logger });
    ingest = heartbeatUrl(subgraph.url);
    officer = await tokenFor(env.config, [Role.OFFICER], [PILOT_COMMUNES.namThuong.code]);
  });
  afterAll(async () => {
    clock?.restore();
    await subgraph?.close();
    await env?.cleanup();
  });

  const count = async (table: string) => Number((await subgraph.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);
  const register = async () =>
    (
      await gql<{ registerDevice: { credential: string; device: { id: string } } }>(
        subgraph.url,
        REGISTER_DEVICE,
        { input: { clusterId: 'radio-05068-04', label: 'Receiver, Điểm 4' } },
        officer,
      )
    ).registerDevice;

  it('stores only a hash of the credential', async () => {
    const { credential, device } = await register();
    const rows = await subgraph.orm.em.fork().getConnection().execute(`select credential_hash as h, offline_after_seconds as t from device where id = ?`, [device.id]);
    expect(rows[0].h).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].h).not.toContain(credential.split('.')[1]);
    expect(rows[0].t).toBe(300);
  });

  it('rejects an unknown device, a wrong secret, a missing or malformed credential with 401, logs it, and creates nothing', async () => {
    const { credential, device } = await register();
    const devicesBefore = await count('device');
    const heartbeatsBefore = await count('device_heartbeat');
    log.lines.length = 0;

    const unknownId = randomUUID();
    const unknown = await sendHeartbeat(ingest, `${unknownId}.${credential.split('.')[1]}`);
    expect(unknown.status).toBe(401);
    expect(unknown.json).toMatchObject({ error: 'UNAUTHENTICATED' });
    const wrongSecret = await sendHeartbeat(ingest, `${device.id}.${'A'.repeat(43)}`);
    expect(wrongSecret.status).toBe(401);
    // The same answer for both: a caller cannot tell which ids exist.
    expect(wrongSecret.json).toEqual(unknown.json);
    expect((await sendHeartbeat(ingest, null)).status).toBe(401);
    expect((await sendHeartbeat(ingest, 'not-a-credential')).status).toBe(401);

    expect(await count('device')).toBe(devicesBefore);
    expect(await count('device_heartbeat')).toBe(heartbeatsBefore);
    expect((await gql<{ device: unknown }>(subgraph.url, `query ($id: ID!) { device(id: $id) { id } }`, { id: unknownId })).device).toBeNull();
    const rejected = log.lines.filter((l) => l.msg === 'heartbeat rejected');
    expect(rejected.map((l) => l.reason)).toEqual(['unknown device', 'bad credential', 'missing or malformed credential', 'missing or malformed credential']);
    expect(rejected[0]).toMatchObject({ deviceId: unknownId, level: 40 });
    expect(JSON.stringify(log.lines)).not.toContain(credential.split('.')[1]);

    expect((await sendHeartbeat(ingest, credential)).status).toBe(200);
    expect(await count('device_heartbeat')).toBe(heartbeatsBefore + 1);
  });

  it('stops accepting the old credential once it is rotated', async () => {
    const { credential, device } = await register();
    const rotated = await gql<{ rotateDeviceCredential: { credential: string } }>(
      subgraph.url,
      `mutation ($input: RotateDeviceCredentialInput!) { rotateDeviceCredential(input: $input) { credential } }`,
      { input: { deviceId: device.id } },
      officer,
    );
    expect((await sendHeartbeat(ingest, credential)).status).toBe(401);
    expect((await sendHeartbeat(ingest, rotated.rotateDeviceCredential.credential)).status).toBe(200);
  });

  it('a retired device is refused (401, logged) and no longer counts in its cluster\'s status', async () => {
    const registered = await gql<{ registerDevice: { credential: string; device: { id: string } } }>(
      subgraph.url,
      REGISTER_DEVICE,
      { input: { clusterId: 'radio-05068-06', label: 'Receiver, Điểm 6' } },
      officer,
    );
    const { credential, device } = registered.registerDevice;
    expect((await sendHeartbeat(ingest, credential)).status).toBe(200);
    const CLUSTER = `query { radioCluster(id: "radio-05068-06") { status devices { id status retiredAt } } }`;
    expect((await gql<{ radioCluster: { status: string } }>(subgraph.url, CLUSTER)).radioCluster.status).toBe('ONLINE');
    const RETIRE = `mutation ($input: RetireDeviceInput!) { retireDevice(input: $input) { device { id status retiredAt } } }`;
    const retired = await gql<{ retireDevice: { device: { status: string; retiredAt: string } } }>(subgraph.url, RETIRE, { input: { deviceId: device.id } }, officer);
    expect(retired.retireDevice.device).toEqual({ id: device.id, status: 'RETIRED', retiredAt: clock.now().toISOString() });
    expect((await gql<{ radioCluster: { status: string } }>(subgraph.url, CLUSTER)).radioCluster.status).toBe('INSTALLED');
    log.lines.length = 0;
    expect((await sendHeartbeat(ingest, credential)).status).toBe(401);
    expect(log.lines.find((l) => l.msg === 'heartbeat rejected')).toMatchObject({ reason: 'retired device', deviceId: device.id });
    const again = await postGraphQL(subgraph.url, RETIRE, { input: { deviceId: device.id } }, officer);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('rejects a malformed playback report with 400 and records nothing', async () => {
    const { credential } = await register();
    const before = await count('device_heartbeat');
    const bad = await sendHeartbeat(ingest, credential, { playback: [{ broadcastId: 'x', status: 'MAYBE' }] });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'BAD_USER_INPUT' });
    expect(await count('device_heartbeat')).toBe(before);
    const notJson = await fetch(ingest, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` }, body: '{"playback": [' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: 'BAD_USER_INPUT' });
    expect(await count('device_heartbeat')).toBe(before);
  });

  it('lets only officers of the commune register radio receivers, and validates the input', async () => {
    const input = { clusterId: 'radio-05068-05', label: 'Receiver' };
    const anonymous = await postGraphQL(subgraph.url, REGISTER_DEVICE, { input });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const otherCommune = await postGraphQL(subgraph.url, REGISTER_DEVICE, { input }, await tokenFor(env.config, [Role.OFFICER], [PILOT_COMMUNES.lienSon.code]));
    expect(otherCommune.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const security = await postGraphQL(subgraph.url, REGISTER_DEVICE, { input }, await tokenFor(env.config, [Role.SECURITY], [PILOT_COMMUNES.namThuong.code]));
    expect(security.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const threshold = await postGraphQL(subgraph.url, REGISTER_DEVICE, { input: { ...input, offlineAfterSeconds: 0 } }, officer);
    expect(threshold.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.offlineAfterSeconds' });
    const both = await postGraphQL(subgraph.url, REGISTER_DEVICE, { input: { ...input, cameraId: 'camera-05068-01' } }, officer);
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cameraId' });
    const label = await postGraphQL(subgraph.url, REGISTER_DEVICE, { input: { ...input, label: '   ' } }, officer);
    expect(label.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.label' });
    const missing = await postGraphQL(subgraph.url, REGISTER_DEVICE, { input: { ...input, clusterId: 'radio-99999-01' } }, officer);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.clusterId' });
  });

  it('keeps one history row per 5 s when a device floods, while last-seen stays current', async () => {
    const { credential, device } = await register();
    const rows = async () => Number((await subgraph.orm.em.fork().getConnection().execute(`select count(*) as n from device_heartbeat where device_id = ?`, [device.id]))[0].n);
    for (let i = 0; i < 4; i++) {
      expect((await sendHeartbeat(ingest, credential)).status).toBe(200);
      clock.advance(2);
    }
    // Beats at 0, 2, 4, 6 s: 0 and 6 are stored (4 is only 4 s after 0).
    expect(await rows()).toBe(2);
    const seen = await gql<{ device: { lastSeenAt: string } }>(subgraph.url, `query ($id: ID!) { device(id: $id) { lastSeenAt } }`, { id: device.id });
    expect(Date.parse(seen.device.lastSeenAt)).toBe(clock.now().getTime() - 2000);
  });

  it('the background sweeper logs a device going offline and coming back, once each', async () => {
    const sweeper = createOfflineSweeper(subgraph.runtime, 60_000);
    await sweeper.sweep(); // learns the current states
    const { credential, device } = await register();
    await sweeper.sweep();
    expect((await sendHeartbeat(ingest, credential)).status).toBe(200);
    log.lines.length = 0;
    expect((await sweeper.sweep()).cameBack).toEqual([device.id]); // first heartbeat: offline → online
    clock.advance(300);
    expect((await sweeper.sweep()).wentOffline).toContain(device.id);
    expect((await sweeper.sweep()).wentOffline).toEqual([]);
    expect((await sendHeartbeat(ingest, credential)).status).toBe(200);
    expect((await sweeper.sweep()).cameBack).toEqual([device.id]);
    const events = log.lines.filter((l) => l.deviceId === device.id).map((l) => [l.msg, l.level]);
    expect(events).toEqual([
      ['device back online', 30],
      ['device offline', 40],
      ['device back online', 30],
    ]);
    await sweeper.stop();
  });

  it('seeds idempotently: a second seed changes nothing and keeps what officers changed', async () => {
    expect(await count('radio_cluster')).toBe(14);
    expect(await count('camera')).toBe(2);
    await subgraph.orm.em.fork().getConnection().execute(`update radio_cluster set state = 'FAULTY' where id = 'radio-04969-01'`);
    await devices.seedPilot!(subgraph.orm.em.fork(), env.config);
    expect(await count('radio_cluster')).toBe(14);
    expect(await count('camera')).toBe(2);
    const rows = await subgraph.orm.em.fork().getConnection().execute(`select state from radio_cluster where id = 'radio-04969-01'`);
    expect(rows[0].state).toBe('FAULTY');
  });
});
