import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Producer, ProducerKind } from '../../../subgraphs/commerce/catalogue/producer.entity.js';
import { RefusedRead } from '../../../subgraphs/shared/refused-read.entity.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

type Refusal = { subject: string | null; roles: string[]; field: string; target: string; communeId: string | null; requestId: string; callerRequestId: string | null; at: string };
const NODE = 'edges { node { subject roles field target count communeId requestId callerRequestId at } }';

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

/** Commerce's log, and the flood bound: a request refused a field over a whole list leaves one row, not one per item. */
describe('commerce\'s refused reads, one row per field and request', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  const UNIT = '04960/1';

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'commerce'] });
    // 120 households in Liên Sơn, so that a page of 100 is all refused contacts.
    const em = hub.subgraphs.commerce!.orm.em.fork();
    for (let i = 0; i < 120; i++) {
      em.persist(Object.assign(new Producer(), { id: `flood-${String(i).padStart(3, '0')}`, kind: ProducerKind.HOUSEHOLD, name: `Aa hộ ${i}`, nameSearch: `aa ho ${i}`, communeId: UNIT, contactName: `Người ${i}`, contactPhone: '0912345678' }));
    }
    await em.flush();
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('records an anonymous list of 100 producers\' contacts as one row of count 100 (subject null), and the chairperson reads it', async () => {
    const probe = 'flood-probe-1';
    const listed = await postGraphQL<{ communeById: { producers: { edges: { node: { id: string; contact: unknown } }[] } } }>(
      hub.url,
      `query ($id: ID!) { communeById(id: $id) { producers(first: 100) { edges { node { id contact { name phone } } } } } }`,
      { id: UNIT },
      { 'x-request-id': probe },
    );
    expect(listed.errors).toBeUndefined();
    const producers = listed.data!.communeById.producers.edges.map((e) => e.node);
    expect(producers).toHaveLength(100);
    expect(producers.every((p) => p.contact === null)).toBe(true);
    const rows = await hub.subgraphs.commerce!.orm.em.fork().find(RefusedRead, { callerRequestId: probe });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject: null, roles: '', field: 'Producer.contact', count: 100 });
    expect(producers.map((p) => p.id)).toContain(rows[0]!.target);
    // Only ids: no name or phone of the households.
    expect(JSON.stringify(rows)).not.toMatch(/Người|0912345678/);

    const chair = bearer(await signHubToken(env.config, { subject: 'chair-ls', roles: [Role.CHAIRPERSON], communeCodes: ['04960'] }));
    const log = await postGraphQL<{ communeById: { refusedCommerceReads: { totalCount: number; edges: { node: Refusal & { count: number } }[] } } }>(
      hub.url,
      `query ($id: ID!) { communeById(id: $id) { refusedCommerceReads(first: 10) { totalCount ${NODE} } } }`,
      { id: UNIT },
      chair,
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.communeById.refusedCommerceReads.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ subject: null, roles: [], field: 'Producer.contact', target: rows[0]!.target, count: 100, communeId: UNIT, callerRequestId: probe }),
    );
    // Another commune's chairperson does not read it, and that refusal is logged too.
    const other = bearer(await signHubToken(env.config, { subject: 'chair-hk', roles: [Role.CHAIRPERSON], communeCodes: ['05068'] }));
    const refused = await postGraphQL(hub.url, `query ($id: ID!) { communeById(id: $id) { refusedCommerceReads(first: 1) { totalCount } } }`, { id: UNIT }, { ...other, 'x-request-id': 'flood-probe-2' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await hub.subgraphs.commerce!.orm.em.fork().find(RefusedRead, { callerRequestId: 'flood-probe-2' })).toMatchObject([{ subject: 'chair-hk', roles: 'chairperson', field: 'Commune.refusedCommerceReads', target: UNIT, count: 1 }]);
  });

  it('records a signed-in non-member\'s refused orders under the producer\'s commune', async () => {
    const stranger = bearer(await signHubToken(env.config, { subject: 'producer-elsewhere', roles: [Role.PRODUCER], producerIds: ['someone-else'] }));
    const orders = await postGraphQL(hub.url, `{ orders(producerId: "flood-007", first: 1) { totalCount } }`, {}, { ...stranger, 'x-request-id': 'orders-probe' });
    expect(orders.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rows = await hub.subgraphs.commerce!.orm.em.fork().find(RefusedRead, { callerRequestId: 'orders-probe' });
    expect(rows).toMatchObject([{ subject: 'producer-elsewhere', roles: 'producer', field: 'Query.orders', target: 'flood-007', communeId: UNIT, count: 1 }]);
  });
});
