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

/** The whole log, for admins: refusals of no commune (reconciliation) too, filtered and paged; nobody else reads it, and trying is logged. */
describe('the hub-wide refused-read log (Query.refusedCommerceReads and its siblings)', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Refusal & { id: string; count: number } }[] };
  const LOG = `query ($first: Int, $after: String, $since: DateTime, $until: DateTime, $field: String, $subject: String, $communeId: ID, $withoutCommune: Boolean) {
    refusedCommerceReads(first: $first, after: $after, since: $since, until: $until, field: $field, subject: $subject, communeId: $communeId, withoutCommune: $withoutCommune) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id subject roles field target count communeId requestId callerRequestId at } }
    }
  }`;
  const tokenOf = async (subject: string, roles: Role[], communeCodes: string[] = []) => bearer(await signHubToken(env.config, { subject, roles, communeCodes }));
  const read = (variables: Record<string, unknown>, headers: Record<string, string>) => postGraphQL<{ refusedCommerceReads: Page | null }>(hub.url, LOG, variables, headers);
  const rowsOf = (callerRequestId: string) => hub.subgraphs.commerce!.orm.em.fork().find(RefusedRead, { callerRequestId });
  /** 25 rows in January 2020 (far from any real refusal of the test): 5 instants × 5 rows, so the pages cross rows of the same instant. */
  const SEEDED = Array.from({ length: 25 }, (_, i) => ({
    id: `seed-${String(i).padStart(2, '0')}`,
    at: new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 5))),
    subject: i % 2 ? 'seed-officer' : null,
    roles: i % 2 ? 'officer' : '',
    field: i % 3 ? 'Producer.contact' : 'Query.reconciliationAging',
    target: `target-${i}`,
    count: 1,
    communeId: i % 3 ? (i % 2 ? '04960/1' : '05068/2') : null,
    requestId: `seed-request-${i}`,
  }));
  const JANUARY = { since: '2020-01-01T00:00:00Z', until: '2020-02-01T00:00:00Z' };

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'commerce'] });
    const em = hub.subgraphs.commerce!.orm.em.fork();
    for (const row of SEEDED) em.persist(Object.assign(new RefusedRead(), row));
    await em.flush();
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('lists a refusal of no commune to an admin, which no Commune log can', async () => {
    const aging = await postGraphQL(hub.url, '{ reconciliationAging { __typename } }', {}, { 'x-request-id': 'hub-log-aging' });
    expect(aging.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [stored] = await rowsOf('hub-log-aging');
    expect(stored).toMatchObject({ field: 'Query.reconciliationAging', communeId: null });
    const admin = await tokenOf('admin-1', [Role.ADMIN]);
    const log = await read({ withoutCommune: true, field: 'Query.reconciliationAging', since: new Date(Date.now() - 3_600_000).toISOString() }, admin);
    expect(log.errors).toBeUndefined();
    expect(log.data!.refusedCommerceReads!.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ id: stored!.id, subject: null, roles: [], field: 'Query.reconciliationAging', target: 'reconciliationAging', communeId: null, count: 1, callerRequestId: 'hub-log-aging' }),
    ]);
  });

  it('refuses everyone but admins (chairperson, finance: FORBIDDEN; anonymous: UNAUTHENTICATED) and logs each refusal', async () => {
    const chair = await tokenOf('chair-ls', [Role.CHAIRPERSON], ['04960']);
    const finance = await tokenOf('finance-1', [Role.FINANCE]);
    const cases = [
      { headers: chair, probe: 'hub-log-chair', code: 'FORBIDDEN', subject: 'chair-ls', roles: 'chairperson' },
      { headers: finance, probe: 'hub-log-finance', code: 'FORBIDDEN', subject: 'finance-1', roles: 'finance' },
      { headers: {}, probe: 'hub-log-anonymous', code: 'UNAUTHENTICATED', subject: null, roles: '' },
    ];
    for (const c of cases) {
      const refused = await read({ withoutCommune: true }, { ...c.headers, 'x-request-id': c.probe });
      expect(refused.errors?.[0]?.extensions?.code, c.probe).toBe(c.code);
      expect(refused.data?.refusedCommerceReads ?? null).toBeNull();
      expect(await rowsOf(c.probe), c.probe).toMatchObject([{ subject: c.subject, roles: c.roles, field: 'Query.refusedCommerceReads', target: 'refusedCommerceReads', communeId: null, count: 1 }]);
    }
    // Asked for a commune, the refusal is logged against it: its chairperson sees the attempt in the commune's log.
    const refused = await read({ communeId: '04960/1' }, { ...finance, 'x-request-id': 'hub-log-commune' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rowsOf('hub-log-commune')).toMatchObject([{ subject: 'finance-1', field: 'Query.refusedCommerceReads', target: '04960/1', communeId: '04960/1' }]);
    const own = await postGraphQL<{ communeById: { refusedCommerceReads: { edges: { node: Refusal }[] } } }>(hub.url, `{ communeById(id: "04960/1") { refusedCommerceReads(first: 50) { edges { node { subject field callerRequestId } } } } }`, {}, chair);
    expect(own.errors).toBeUndefined();
    expect(own.data!.communeById.refusedCommerceReads.edges.map((e) => e.node)).toContainEqual({ subject: 'finance-1', field: 'Query.refusedCommerceReads', callerRequestId: 'hub-log-commune' });
  });

  it('filters by time, field, subject, commune and "no commune", each counted in totalCount', async () => {
    const admin = await tokenOf('admin-1', [Role.ADMIN]);
    const ids = async (variables: Record<string, unknown>) => {
      const log = await read({ first: 100, ...variables }, admin);
      expect(log.errors, JSON.stringify(variables)).toBeUndefined();
      const page = log.data!.refusedCommerceReads!;
      expect(page.totalCount, JSON.stringify(variables)).toBe(page.edges.length);
      return page.edges.map((e) => e.node.id).sort();
    };
    const expected = (keep: (row: (typeof SEEDED)[number]) => boolean) => SEEDED.filter(keep).map((r) => r.id).sort();
    expect(await ids(JANUARY)).toEqual(expected(() => true));
    // [since, until): the rows of 2 and 3 January.
    expect(await ids({ since: '2020-01-02T00:00:00Z', until: '2020-01-04T00:00:00Z' })).toEqual(expected((r) => r.at.getUTCDate() === 2 || r.at.getUTCDate() === 3));
    expect(await ids({ ...JANUARY, field: 'Producer.contact' })).toEqual(expected((r) => r.field === 'Producer.contact'));
    expect(await ids({ ...JANUARY, subject: 'seed-officer' })).toEqual(expected((r) => r.subject === 'seed-officer'));
    expect(await ids({ ...JANUARY, communeId: '04960/1' })).toEqual(expected((r) => r.communeId === '04960/1'));
    expect(await ids({ ...JANUARY, withoutCommune: true })).toEqual(expected((r) => r.communeId === null));
    expect(await ids({ ...JANUARY, withoutCommune: true, subject: 'seed-officer', field: 'Query.reconciliationAging' })).toEqual(expected((r) => r.communeId === null && r.subject === 'seed-officer' && r.field === 'Query.reconciliationAging'));
    // Arguments that cannot be answered say which one is wrong.
    const bad = [
      [{ since: '2020-01-02T00:00:00Z', until: '2020-01-02T00:00:00Z' }, 'until'],
      [{ communeId: '04960/1', withoutCommune: true }, 'withoutCommune'],
      [{ communeId: 'x'.repeat(40) }, 'communeId'],
      [{ field: 'contact; drop table' }, 'field'],
    ] as const;
    for (const [variables, field] of bad) {
      const refused = await read(variables, admin);
      expect(refused.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('pages newest first on (at, id): every row once, across rows of the same instant', async () => {
    const admin = await tokenOf('admin-1', [Role.ADMIN]);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const log = await read({ ...JANUARY, first: 10, after }, admin);
      expect(log.errors).toBeUndefined();
      const connection: Page = log.data!.refusedCommerceReads!;
      expect(connection.totalCount).toBe(25);
      seen.push(...connection.edges.map((e) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const newestFirst = [...SEEDED].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
    expect(seen).toEqual(newestFirst);
  });
});
