import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const SAO_BAY = '05080/1';
const KIM_LAP = '05035/1';
const HOP_KIM = '05068/2';

/** The two inconsistencies, through the gateway: one policy (actsForUnit) for lists, reads by id and fields. */
describe('who acts for a merged unit, through the gateway', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let hopKimNurse: Record<string, string>;
  let hopKimSecurity: Record<string, string>;
  let kimLapSecurity: Record<string, string>;
  let kimLapNurse: Record<string, string>;
  let recordId: string;
  let cameraId: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'society', 'devices'] });
    const token = async (subject: string, role: Role, code: string) => bearer(await signHubToken(env.config, { subject, roles: [role], communeCodes: [code] }));
    hopKimNurse = await token('nurse-hk', Role.HEALTH_STAFF, '05068');
    hopKimSecurity = await token('police-hk', Role.SECURITY, '05068');
    kimLapSecurity = await token('police-kl', Role.SECURITY, '05035');
    kimLapNurse = await token('nurse-kl', Role.HEALTH_STAFF, '05035');
    const created = await postGraphQL<{ createHealthRecord: { record: { id: string } } }>(
      hub.url,
      `mutation ($input: CreateHealthRecordInput!) { createHealthRecord(input: $input) { record { id } } }`,
      { input: { communeId: SAO_BAY, fullName: 'Bùi Văn Sào', sex: 'MALE', birthDate: '1970-02-01', village: 'Xóm Bái', phone: '0912000111' } },
      hopKimNurse,
    );
    expect(created.errors).toBeUndefined();
    recordId = created.data!.createHealthRecord.record.id;
    const camera = await postGraphQL<{ addCamera: { camera: { id: string } } }>(
      hub.url,
      `mutation ($input: AddCameraInput!) { addCamera(input: $input) { camera { id } } }`,
      { input: { communeId: KIM_LAP, name: 'Chợ Kim Lập', location: 'Chợ', purpose: 'SECURITY', feeds: ['POLICE'], streamUrl: 'rtsp://10.0.5.1/kl', state: 'INSTALLED' } },
      hopKimSecurity,
    );
    expect(camera.errors).toBeUndefined();
    cameraId = camera.data!.addCamera.camera.id;
    // Three subgraphs and the gateway start here; on a loaded machine that outruns the default hook time.
  }, 400_000);
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('lets Hợp Kim\'s health staff list Sào Báy\'s records through Hợp Kim and read one by id (list and by-id agree)', async () => {
    type List = { communeById: { healthRecords: { totalCount: number; edges: { node: { id: string } }[] } } };
    const LIST = `query ($id: ID!) { communeById(id: $id) { healthRecords(first: 100) { totalCount edges { node { id } } } } }`;
    const saoBay = await postGraphQL<List>(hub.url, LIST, { id: SAO_BAY }, hopKimNurse);
    expect(saoBay.errors).toBeUndefined();
    expect(saoBay.data!.communeById.healthRecords.edges.map((e) => e.node.id)).toEqual([recordId]);
    const hopKim = await postGraphQL<List>(hub.url, LIST, { id: HOP_KIM }, hopKimNurse);
    const namThuong = await postGraphQL<List>(hub.url, LIST, { id: '05068/1' }, hopKimNurse);
    expect(hopKim.data!.communeById.healthRecords.totalCount).toBe(namThuong.data!.communeById.healthRecords.totalCount + 1);
    const byId = await postGraphQL(hub.url, `query ($id: ID!) { healthRecord(id: $id) { id administrative { fullName } } }`, { id: recordId }, hopKimNurse);
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ healthRecord: { id: recordId, administrative: { fullName: 'Bùi Văn Sào' } } });
  });

  it('gives a token for the defunct Kim Lap nothing: no stream URL, no record, not even its own unit\'s', async () => {
    const stream = async (headers: Record<string, string>) =>
      postGraphQL<{ camera: { streamUrl: string | null } }>(hub.url, `query ($id: ID!) { camera(id: $id) { streamUrl } }`, { id: cameraId }, headers);
    expect((await stream(kimLapSecurity)).data?.camera.streamUrl).toBeNull();
    expect((await stream(hopKimSecurity)).data?.camera.streamUrl).toBe('rtsp://10.0.5.1/kl');
    const listed = await postGraphQL<{ communeById: { cameras: { id: string; streamUrl: string | null }[] } }>(
      hub.url,
      `query ($id: ID!) { communeById(id: $id) { cameras { id streamUrl } } }`,
      { id: HOP_KIM },
      hopKimSecurity,
    );
    expect(listed.data!.communeById.cameras.find((c) => c.id === cameraId)?.streamUrl).toBe('rtsp://10.0.5.1/kl');
    const kimLapList = await postGraphQL(hub.url, `query ($id: ID!) { communeById(id: $id) { healthRecords(first: 5) { totalCount } } }`, { id: KIM_LAP }, kimLapNurse);
    expect(kimLapList.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(kimLapList)).not.toContain('Bùi Văn Sào');
  });
});
