import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

type Refusal = { subject: string | null; roles: string[]; field: string; target: string; communeId: string | null; requestId: string; callerRequestId: string | null; at: string };
const NODE = 'edges { node { subject roles field target communeId requestId callerRequestId at } }';

/** The audit gap: refused reads of health records, stream URLs and dossiers leave a trace with the caller's identity. */
describe('refused reads of restricted data are logged and readable by the chairperson', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  const token = async (subject: string, role: Role, code: string) => bearer(await signHubToken(env.config, { subject, roles: [role], communeCodes: [code] }));

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'society', 'devices'] });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('records a refused healthRecord(id) with subject, roles, field, target, time and the gateway\'s request id, the caller\'s kept apart', async () => {
    const nurse = await token('nurse-hk', Role.HEALTH_STAFF, '05068');
    const list = await postGraphQL<{ communeById: { healthRecords: { edges: { node: { id: string } }[] } } }>(
      hub.url,
      `{ communeById(id: "05068/1") { healthRecords(first: 1) { edges { node { id } } } } }`,
      {},
      nurse,
    );
    const recordId = list.data!.communeById.healthRecords.edges[0]!.node.id;
    const officer = await token('officer-ls', Role.OFFICER, '04960');
    const forged = 'a'.repeat(40);
    const before = Date.now();
    const refused = await postGraphQL(hub.url, `query ($id: ID!) { healthRecord(id: $id) { id administrative { fullName phone } } }`, { id: recordId }, { ...officer, 'x-request-id': forged });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.healthRecord ?? null).toBeNull();
    const anonymous = await postGraphQL(hub.url, `query ($id: ID!) { healthRecord(id: $id) { id } }`, { id: recordId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const LOG = `{ communeById(id: "05068/2") { refusedReads(first: 10) { totalCount ${NODE} } } }`;
    // Health staff and officers do not read the log of refusals; the chairperson does.
    expect((await postGraphQL(hub.url, LOG, {}, nurse)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const chair = await token('chair-hk', Role.CHAIRPERSON, '05068');
    const log = await postGraphQL<{ communeById: { refusedReads: { totalCount: number; edges: { node: Refusal }[] } } }>(hub.url, LOG, {}, chair);
    expect(log.errors).toBeUndefined();
    const rows = log.data!.communeById.refusedReads.edges.map((e) => e.node);
    const byOfficer = rows.find((r) => r.subject === 'officer-ls')!;
    expect(byOfficer).toMatchObject({ roles: ['officer'], field: 'Query.healthRecord', target: recordId, communeId: '05068/1', callerRequestId: forged });
    expect(byOfficer.requestId).not.toBe(forged);
    expect(byOfficer.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(byOfficer.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(rows.find((r) => r.subject === null)).toMatchObject({ roles: [], field: 'Query.healthRecord', target: recordId, callerRequestId: null });
    // Nothing of the record itself is in the log.
    expect(JSON.stringify(log)).not.toMatch(/fullName|phone/);
  });

  it('records a refused camera stream URL and a refused dossier, each in its subgraph\'s log', async () => {
    const police = await token('police-ls', Role.SECURITY, '04960');
    const cameras = await postGraphQL<{ communeById: { cameras: { id: string; streamUrl: string | null }[] } }>(hub.url, `{ communeById(id: "05068/1") { cameras { id streamUrl } } }`, {}, police);
    const camera = cameras.data!.communeById.cameras.find((c) => c.id === 'camera-05068-01')!;
    expect(camera.streamUrl).toBeNull();
    const officerHk = await token('officer-hk', Role.OFFICER, '05068');
    const dossiers = await postGraphQL<{ communeById: { dossiers: { edges: { node: { id: string } }[] } } }>(hub.url, `{ communeById(id: "05068/1") { dossiers(first: 1) { edges { node { id } } } } }`, {}, officerHk);
    const dossierId = dossiers.data!.communeById.dossiers.edges[0]!.node.id;
    const other = await token('officer-ls', Role.OFFICER, '04960');
    const dossier = await postGraphQL(hub.url, `query ($id: ID!) { dossier(id: $id) { id applicant { name idNumber } } }`, { id: dossierId }, other);
    expect(dossier.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const chair = await token('chair-hk', Role.CHAIRPERSON, '05068');
    const logs = await postGraphQL<{ communeById: { refusedDeviceReads: { edges: { node: Refusal }[] }; refusedRecordReads: { edges: { node: Refusal }[] } } }>(
      hub.url,
      `{ communeById(id: "05068/2") { refusedDeviceReads(first: 10) { ${NODE} } refusedRecordReads(first: 10) { ${NODE} } } }`,
      {},
      chair,
    );
    expect(logs.errors).toBeUndefined();
    expect(logs.data!.communeById.refusedDeviceReads.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ subject: 'police-ls', roles: ['security'], field: 'Camera.streamUrl', target: 'camera-05068-01', communeId: '05068/1' }),
    );
    expect(logs.data!.communeById.refusedRecordReads.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ subject: 'officer-ls', roles: ['officer'], field: 'Query.dossier', target: dossierId, communeId: '05068/1' }),
    );
  });
});
