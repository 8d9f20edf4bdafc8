import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../subgraphs/shared/roles.js';
import { PILOT_COMMUNES } from '../../../subgraphs/shared/pilot-communes.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';
import { fakeClock, gql, heartbeatUrl, REGISTER_DEVICE, sendHeartbeat, tokenFor } from './devices-harness.js';

const NT = PILOT_COMMUNES.namThuong;
const LS = PILOT_COMMUNES.lienSon;

const CAMERAS = `query ($id: ID!) { communeById(id: $id) { name cameras { id name purpose feeds status streamUrl } } }`;
type Cameras = { communeById: { name: string; cameras: { id: string; name: string; purpose: string; feeds: string[]; status: string; streamUrl: string | null }[] } };
const ADD_CAMERA = `mutation ($input: AddCameraInput!) { addCamera(input: $input) { camera { id name location feeds status streamUrl } } }`;

describe('devices through the gateway: cameras and their stream URLs', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let clock: ReturnType<typeof fakeClock>;

  beforeAll(async () => {
    clock = fakeClock('2026-03-02T01:00:00Z');
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'devices'], seed: true });
  });
  afterAll(async () => {
    clock?.restore();
    await hub?.close();
    await env?.cleanup();
  });

  const streamUrlFor = async (headers: Record<string, string>) => (await gql<Cameras>(hub.url, CAMERAS, { id: NT.id }, headers)).communeById.cameras[0].streamUrl;

  it('shows cameras to everyone, the stream URL only to the security role of the commune', async () => {
    const anonymous = await gql<Cameras>(hub.url, CAMERAS, { id: NT.id });
    expect(anonymous.communeById).toEqual({
      name: 'Nam Thượng',
      cameras: [{ id: 'camera-05068-01', name: 'UBND xã Nam Thượng', purpose: 'SECURITY', feeds: ['IOC', 'POLICE'], status: 'INSTALLED', streamUrl: null }],
    });
    expect(await streamUrlFor(await tokenFor(env.config, [Role.OFFICER], [NT.code]))).toBeNull();
    expect(await streamUrlFor(await tokenFor(env.config, [Role.HEALTH_STAFF], [NT.code]))).toBeNull();
    expect(await streamUrlFor(await tokenFor(env.config, [Role.SECURITY], [LS.code]))).toBeNull();
    expect(await streamUrlFor(await tokenFor(env.config, [Role.SECURITY], [NT.code]))).toBe('rtsp://cameras.invalid/05068/ubnd');
    expect(await streamUrlFor(await tokenFor(env.config, [Role.ADMIN], []))).toBe('rtsp://cameras.invalid/05068/ubnd');
    const direct = await postGraphQL(hub.url, `query { camera(id: "camera-04969-01") { name streamUrl } }`);
    expect(direct.data).toEqual({ camera: { name: 'UBND xã Liên Sơn', streamUrl: null } });
  });

  it('lets security add a camera and register its device; the camera goes online with its heartbeat', async () => {
    const security = await tokenFor(env.config, [Role.SECURITY], [PILOT_COMMUNES.lienSon2025.code]);
    const added = await gql<{ addCamera: { camera: { id: string; status: string; streamUrl: string } } }>(
      hub.url,
      ADD_CAMERA,
      { input: { communeId: LS.id, name: 'Ngã ba chợ', location: 'Ngã ba chợ Liên Sơn', purpose: 'TRAFFIC', feeds: ['IOC'], streamUrl: 'rtsp://10.0.0.7/stream1', state: 'INSTALLED' } },
      security,
    );
    expect(added.addCamera.camera).toMatchObject({ status: 'INSTALLED', streamUrl: 'rtsp://10.0.0.7/stream1' });
    const registered = await gql<{ registerDevice: { credential: string } }>(hub.url, REGISTER_DEVICE, { input: { cameraId: added.addCamera.camera.id, label: 'Camera ngã ba chợ', offlineAfterSeconds: 90 } }, security);
    const camera = async () => (await gql<Cameras>(hub.url, CAMERAS, { id: LS.id })).communeById.cameras.find((c) => c.id === added.addCamera.camera.id)!;
    expect((await camera()).status).toBe('OFFLINE');
    expect((await sendHeartbeat(heartbeatUrl(hub.subgraphs.devices!.url), registered.registerDevice.credential)).status).toBe(200);
    expect(await camera()).toMatchObject({ status: 'ONLINE', streamUrl: null });
    clock.advance(90);
    expect((await camera()).status).toBe('OFFLINE');
  });

  it('lets security change a camera (stream URL, FAULTY), not an officer of another commune', async () => {
    const UPDATE = `mutation ($input: UpdateCameraInput!) { updateCamera(input: $input) { camera { id status streamUrl feeds } } }`;
    const security = await tokenFor(env.config, [Role.SECURITY], [NT.code]);
    const updated = await gql<{ updateCamera: { camera: { status: string; streamUrl: string; feeds: string[] } } }>(
      hub.url,
      UPDATE,
      { input: { id: 'camera-05068-01', streamUrl: 'rtsps://10.1.0.2/main', state: 'FAULTY' } },
      security,
    );
    expect(updated.updateCamera.camera).toEqual({ id: 'camera-05068-01', status: 'FAULTY', streamUrl: 'rtsps://10.1.0.2/main', feeds: ['IOC', 'POLICE'] });
    const other = await postGraphQL(hub.url, UPDATE, { input: { id: 'camera-05068-01', state: 'INSTALLED' } }, await tokenFor(env.config, [Role.OFFICER], [LS.code]));
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const missing = await postGraphQL(hub.url, UPDATE, { input: { id: 'camera-nope', state: 'INSTALLED' } }, security);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    const restored = await gql<{ updateCamera: { camera: { status: string } } }>(hub.url, UPDATE, { input: { id: 'camera-05068-01', streamUrl: 'rtsp://cameras.invalid/05068/ubnd', state: 'INSTALLED' } }, security);
    expect(restored.updateCamera.camera.status).toBe('INSTALLED');
  });

  it('refuses bad camera input with the field, and non-security, non-officer callers', async () => {
    const security = await tokenFor(env.config, [Role.SECURITY], [NT.code]);
    const attempt = async (input: Record<string, unknown>, headers = security) =>
      (await postGraphQL(hub.url, ADD_CAMERA, { input: { communeId: NT.id, name: 'Cổng trường', location: 'Trường tiểu học', purpose: 'SECURITY', feeds: ['POLICE'], state: 'INSTALLED', ...input } }, headers)).errors?.[0]
        .extensions;
    expect(await attempt({ streamUrl: 'ftp://camera/stream' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.streamUrl' });
    expect(await attempt({ feeds: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.feeds' });
    expect(await attempt({ name: '' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await attempt({ state: 'PLANNED', installedOn: '2021-12-01' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.installedOn' });
    expect((await attempt({}, await tokenFor(env.config, [Role.HEALTH_STAFF], [NT.code])))?.code).toBe('FORBIDDEN');
    expect((await attempt({}, {}))?.code).toBe('UNAUTHENTICATED');
  });

  it('gives one gateway query the clusters, cameras and device counts of both pilot communes', async () => {
    const data = await gql<{ communes: { id: string; radioClusters: { village: string; status: string; deviceCount: number; loudspeakerCount: number }[]; deviceStats: Record<string, number> }[] }>(
      hub.url,
      `{ communes(provinceCode: "17", on: "2021-12-31") { id radioClusters { village status deviceCount loudspeakerCount } deviceStats { radioClusters radioClustersInstalled radioClustersPlanned loudspeakers cameras } } }`,
    );
    const byId = new Map(data.communes.map((c) => [c.id, c]));
    expect(byId.get(LS.id)!.deviceStats).toEqual({ radioClusters: 4, radioClustersInstalled: 3, radioClustersPlanned: 1, loudspeakers: 6, cameras: 2 });
    expect(byId.get(NT.id)!.deviceStats).toEqual({ radioClusters: 10, radioClustersInstalled: 8, radioClustersPlanned: 2, loudspeakers: 16, cameras: 1 });
    expect(byId.get(LS.id)!.radioClusters.find((c) => c.status === 'PLANNED')).toEqual({ village: 'Điểm 4', status: 'PLANNED', deviceCount: 0, loudspeakerCount: 0 });
    // Communes with no equipment get empty lists, not errors.
    expect(byId.get('05035/1')!.radioClusters).toEqual([]);
  });

  it('when devices is down, a commune query still answers: only the devices fields are null', async () => {
    await hub.stopSubgraph('devices');
    const response = await postGraphQL<{ communeById: { name: string; radioClusters: unknown; deviceStats: unknown } }>(
      hub.url,
      `query ($id: ID!) { communeById(id: $id) { name radioClusters { village } deviceStats { radioClustersOnline } } }`,
      { id: NT.id },
    );
    expect(response.data?.communeById).toEqual({ name: 'Nam Thượng', radioClusters: null, deviceStats: null });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE' });
  });
});
