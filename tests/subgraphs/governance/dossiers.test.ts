import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../subgraphs/shared/roles.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL, type GraphQLResponse } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const RECEIVE = `mutation ($input: ReceiveDossierInput!) {
  receiveDossier(input: $input) { dossier { id code status channel onlineLevel receivedAt dueAt completedAt applicant { name } } }
}`;
const CHANGE = `mutation ($input: ChangeDossierStatusInput!) {
  changeDossierStatus(input: $input) { previousStatus dossier { id status completedAt completedOnTime } }
}`;
const DOSSIERS = `query ($id: ID!, $filter: DossierFilter, $first: Int, $after: String) {
  communeById(id: $id) {
    dossiers(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id code status channel receivedAt overdueNow applicant { name idNumber } } }
    }
  }
}`;

interface DossierNode { id: string; code: string; status: string; channel: string; receivedAt: string; overdueNow: boolean; applicant: { name: string } | null }

describe('governance dossiers: receive, transitions, lists (through the gateway)', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let officer: Record<string, string>;
  let otherOfficer: Record<string, string>;
  const count = async () => Number((await hub.subgraphs.governance!.orm.em.fork().getConnection().execute('select count(*) as n from dossier'))[0].n);
  const send = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = officer) =>
    postGraphQL<T>(hub.url, query, variables, headers);
  const expectError = (response: GraphQLResponse, code: string, field?: string) => {
    expect(response.errors?.[0].extensions).toMatchObject(field ? { code, field } : { code });
  };
  const dossier = (extra: Record<string, unknown> = {}) => ({
    communeId: '05068/1',
    code: 'H55.05068-240305-0001',
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    procedureField: 'Hộ tịch',
    channel: 'ONLINE',
    onlineLevel: 'FULL',
    receivedAt: '2024-03-05T08:30:00+07:00',
    dueAt: '2024-03-06T17:00:00+07:00',
    applicant: { name: 'Bùi Văn Nam', idNumber: '017090000001' },
    ...extra,
  });
  const list = async (filter: Record<string, unknown>, first = 100, after?: string, headers = officer) => {
    const response = await send<{ communeById: { dossiers: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: DossierNode }[] } } }>(
      DOSSIERS,
      { id: '05068/1', filter, first, after },
      headers,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.communeById.dossiers;
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'], seed: true });
    officer = bearer(await signHubToken(env.config, { subject: 'officer-nt', roles: [Role.OFFICER], communeCodes: ['05068'] }));
    otherOfficer = bearer(await signHubToken(env.config, { subject: 'officer-ls', roles: [Role.OFFICER], communeCodes: ['04960'] }));
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('receives a dossier and walks it RECEIVED → PROCESSING → RESOLVED; the year\'s KPIs follow', async () => {
    const received = await send<{ receiveDossier: { dossier: { id: string; status: string; completedAt: null } } }>(RECEIVE, { input: dossier() });
    expect(received.errors).toBeUndefined();
    expect(received.data?.receiveDossier.dossier).toMatchObject({ status: 'RECEIVED', channel: 'ONLINE', onlineLevel: 'FULL', completedAt: null, applicant: { name: 'Bùi Văn Nam' } });
    const id = received.data!.receiveDossier.dossier.id;
    const processing = await send(CHANGE, { input: { dossierId: id, status: 'PROCESSING', at: '2024-03-05T09:00:00+07:00' } });
    expect(processing.data?.changeDossierStatus).toMatchObject({ previousStatus: 'RECEIVED', dossier: { status: 'PROCESSING', completedAt: null } });
    const resolved = await send(CHANGE, { input: { dossierId: id, status: 'RESOLVED', at: '2024-03-06T10:00:00+07:00' } });
    expect(resolved.data?.changeDossierStatus).toMatchObject({
      previousStatus: 'PROCESSING',
      dossier: { status: 'RESOLVED', completedAt: '2024-03-06T03:00:00.000Z', completedOnTime: true },
    });
    const history = await send<{ dossier: { history: unknown[] } }>(`query ($id: ID!) { dossier(id: $id) { history { fromStatus toStatus at recordedBy } } }`, { id });
    expect(history.data?.dossier.history).toEqual([
      { fromStatus: null, toStatus: 'RECEIVED', at: '2024-03-05T01:30:00.000Z', recordedBy: 'officer-nt' },
      { fromStatus: 'RECEIVED', toStatus: 'PROCESSING', at: '2024-03-05T02:00:00.000Z', recordedBy: 'officer-nt' },
      { fromStatus: 'PROCESSING', toStatus: 'RESOLVED', at: '2024-03-06T03:00:00.000Z', recordedBy: 'officer-nt' },
    ]);
    const stats = await send<{ communeById: { dossierStats: unknown } }>(
      `{ communeById(id: "05068/1") { dossierStats(year: 2024) { received resolvedOnTime resolvedOverdue online onlineRate onTimeRate } } }`,
      {},
      {},
    );
    expect(stats.data?.communeById.dossierStats).toEqual({ received: 1, resolvedOnTime: 1, resolvedOverdue: 0, online: 1, onlineRate: 1, onTimeRate: 1 });
  });

  it('rejects an impossible transition with BAD_USER_INPUT naming the allowed ones, and changes nothing', async () => {
    const [resolved] = (await list({ statuses: ['RESOLVED'] }, 1)).edges;
    const response = await send(CHANGE, { input: { dossierId: resolved.node.id, status: 'PROCESSING' } });
    expectError(response, 'BAD_USER_INPUT', 'input.status');
    expect(response.errors?.[0].message).toMatch(/RESOLVED is final/);
    const received = await send<{ receiveDossier: { dossier: { id: string } } }>(RECEIVE, { input: dossier({ code: 'H55-0002' }) });
    const jump = await send(CHANGE, { input: { dossierId: received.data!.receiveDossier.dossier.id, status: 'RESOLVED' } });
    expectError(jump, 'BAD_USER_INPUT', 'input.status');
    expect(jump.errors?.[0].extensions?.allowed).toEqual(['PROCESSING', 'SUPPLEMENT_REQUESTED', 'REJECTED', 'WITHDRAWN']);
    expect((await list({ statuses: ['RESOLVED'] }, 1)).edges[0].node.status).toBe('RESOLVED');
    const after = await send<{ dossier: { status: string } }>(`query ($id: ID!) { dossier(id: $id) { status } }`, { id: received.data!.receiveDossier.dossier.id });
    expect(after.data?.dossier.status).toBe('RECEIVED');
  });

  it('rejects completion before receipt, keeping the dossier as it was', async () => {
    const received = await send<{ receiveDossier: { dossier: { id: string } } }>(RECEIVE, { input: dossier({ code: 'H55-0003' }) });
    const id = received.data!.receiveDossier.dossier.id;
    await send(CHANGE, { input: { dossierId: id, status: 'PROCESSING', at: '2024-03-05T09:00:00+07:00' } });
    const early = await send(CHANGE, { input: { dossierId: id, status: 'RESOLVED', at: '2024-03-04T09:00:00+07:00' } });
    expectError(early, 'BAD_USER_INPUT', 'input.at');
    expect(early.errors?.[0].message).toMatch(/before receivedAt/);
    const after = await send<{ dossier: { status: string; completedAt: string | null } }>(`query ($id: ID!) { dossier(id: $id) { status completedAt } }`, { id });
    expect(after.data?.dossier).toEqual({ status: 'PROCESSING', completedAt: null });
  });

  it('versions each dossier (optimistic lock): every change bumps it, and a change reads the current one', async () => {
    const received = await send<{ receiveDossier: { dossier: { id: string } } }>(RECEIVE, { input: dossier({ code: 'H55-RACE' }) });
    const id = received.data!.receiveDossier.dossier.id;
    const connection = hub.subgraphs.governance!.orm.em.fork().getConnection();
    const version = async () => Number((await connection.execute('select version from dossier where id = ?', [id]))[0].version);
    expect(await version()).toBe(1);
    // Another writer (an import) changed the row meanwhile: the mutation must not write over a stale version.
    await connection.execute('update dossier set version = version + 1 where id = ?', [id]);
    const ok = await send(CHANGE, { input: { dossierId: id, status: 'PROCESSING' } });
    expect(ok.errors).toBeUndefined();
    expect(await version()).toBe(3);
  });

  it('validates a new dossier before writing anything', async () => {
    const before = await count();
    expectError(await send(RECEIVE, { input: dossier() }), 'CONFLICT', 'input.code');
    await send(RECEIVE, { input: dossier({ code: 'H55-DUP' }) });
    expectError(await send(RECEIVE, { input: dossier({ code: 'H55-DUP' }) }), 'CONFLICT', 'input.code');
    const afterDup = await count();
    expect(afterDup).toBe(before + 1);
    // Levels 3/4 ended on 2022-08-14; a 2024 online dossier is partial or full.
    expectError(await send(RECEIVE, { input: dossier({ code: 'X1', onlineLevel: 'LEVEL_4' }) }), 'BAD_USER_INPUT', 'input.onlineLevel');
    expectError(await send(RECEIVE, { input: dossier({ code: 'X2', dueAt: '2024-03-05T08:00:00+07:00' }) }), 'BAD_USER_INPUT', 'input.dueAt');
    expectError(await send(RECEIVE, { input: dossier({ code: 'X3', applicant: { name: 'A', idNumber: '12' } }) }), 'BAD_USER_INPUT', 'input.applicant.idNumber');
    expectError(await send(RECEIVE, { input: dossier({ code: 'X4', channel: 'DIRECT' }) }), 'BAD_USER_INPUT', 'input.onlineLevel');
    expect(await count()).toBe(afterDup);
  });

  it('refuses an officer of another commune, for receiving and for changing status', async () => {
    const before = await count();
    expectError(await send(RECEIVE, { input: dossier({ code: 'X5' }) }, otherOfficer), 'FORBIDDEN');
    expectError(await send(RECEIVE, { input: dossier({ code: 'X6' }) }, {}), 'UNAUTHENTICATED');
    const [open] = (await list({ statuses: ['PROCESSING'] }, 1)).edges;
    expectError(await send(CHANGE, { input: { dossierId: open.node.id, status: 'WITHDRAWN' } }, otherOfficer), 'FORBIDDEN');
    expect(await count()).toBe(before);
    expect((await list({ statuses: ['PROCESSING'] }, 1)).edges[0].node.id).toBe(open.node.id);
  });

  it('filters by status, channel, received dates and overdue-now; pages with a stable cursor', async () => {
    const online2021 = await list({ channel: 'ONLINE', receivedFrom: '2021-01-01', receivedTo: '2021-12-31' }, 1);
    expect(online2021.totalCount).toBe(411);
    const all2020 = await list({ receivedFrom: '2020-01-01', receivedTo: '2020-12-31' }, 1);
    expect(all2020.totalCount).toBe(2529);
    const oneDay = await list({ receivedFrom: '2021-03-15', receivedTo: '2021-03-15' });
    expect(oneDay.edges.every((e) => e.node.receivedAt >= '2021-03-14T17:00:00.000Z' && e.node.receivedAt < '2021-03-15T17:00:00.000Z')).toBe(true);
    expect(oneDay.totalCount).toBeGreaterThan(0);
    const overdue = await list({ overdueNow: true }, 100);
    expect(overdue.totalCount).toBeGreaterThan(0);
    expect(overdue.edges.every((e) => e.node.overdueNow && ['RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED'].includes(e.node.status))).toBe(true);

    const ids: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 4; page++) {
      const result = await list({ receivedFrom: '2021-01-01', receivedTo: '2021-12-31', channel: 'ONLINE' }, 100, after);
      ids.push(...result.edges.map((e) => e.node.id));
      after = result.pageInfo.endCursor;
    }
    const last = await list({ receivedFrom: '2021-01-01', receivedTo: '2021-12-31', channel: 'ONLINE' }, 100, after);
    ids.push(...last.edges.map((e) => e.node.id));
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(new Set(ids).size).toBe(411);
  });

  it('shows applicants only to officers of the commune, and lists to no one else', async () => {
    const mine = await list({}, 1);
    expect(mine.edges[0].node.applicant?.name).toBeTruthy();
    const other = await send<{ communeById: { dossiers: unknown } }>(DOSSIERS, { id: '05068/1' }, otherOfficer);
    expect(other.data?.communeById.dossiers).toBeNull();
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const admin = bearer(await signHubToken(env.config, { subject: 'admin', roles: [Role.ADMIN] }));
    expect((await list({}, 1, undefined, admin)).edges[0].node.applicant).not.toBeNull();
  });
});
