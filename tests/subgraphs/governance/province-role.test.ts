import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const RECORDS = `query ($id: ID!) { communeById(id: $id) {
  name
  dossiers(first: 2) { totalCount edges { node { id applicant { name } } } }
  documents(first: 2) { totalCount }
} }`;

/** A provincial officer through the gateway: reads what its communes' officers read, never health records or camera streams, writes nothing. */
describe('the province_officer role', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let phuTho: Record<string, string>;
  let hoaBinh: Record<string, string>;
  let haNoi: Record<string, string>;
  let security: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'society', 'devices'], seed: true });
    const province = (code: string) => signHubToken(env.config, { subject: `province-${code}`, roles: [Role.PROVINCE_OFFICER], provinceCodes: [code] });
    phuTho = bearer(await province('25'));
    hoaBinh = bearer(await province('17'));
    haNoi = bearer(await province('01'));
    security = bearer(await signHubToken(env.config, { subject: 'police', roles: [Role.SECURITY], communeCodes: ['05068'] }));
  }, 240_000);
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('reads the dossier and document lists of every commune of its province, including those its province inherited in 2025', async () => {
    for (const [token, id] of [
      [hoaBinh, '05068/1'],
      [hoaBinh, '04969/1'],
      [phuTho, '05068/1'], // Nam Thượng was in Hòa Bình, which Phú Thọ inherited on 2025-07-01.
      [phuTho, '05068/2'],
    ] as const) {
      const response = await postGraphQL<{ communeById: { dossiers: { totalCount: number; edges: { node: { applicant: { name: string } | null } }[] }; documents: { totalCount: number } } }>(
        hub.url,
        RECORDS,
        { id },
        token,
      );
      expect(response.errors).toBeUndefined();
      if (id.endsWith('/1')) {
        expect(response.data!.communeById.dossiers.totalCount).toBeGreaterThan(1000);
        expect(response.data!.communeById.documents.totalCount).toBeGreaterThan(100);
        // Applicants, as the commune's officers see them (each read audited).
        expect(response.data!.communeById.dossiers.edges[0]!.node.applicant?.name).toEqual(expect.any(String));
      }
    }
    const dossierId = (
      await postGraphQL<{ communeById: { dossiers: { edges: { node: { id: string } }[] } } }>(hub.url, RECORDS, { id: '04969/1' }, hoaBinh)
    ).data!.communeById.dossiers.edges[0]!.node.id;
    const one = await postGraphQL<{ dossier: { id: string } }>(hub.url, 'query ($id: ID!) { dossier(id: $id) { id } }', { id: dossierId }, phuTho);
    expect(one.data?.dossier.id).toBe(dossierId);
  });

  it('is refused for communes of another province, and for writes', async () => {
    const elsewhere = await postGraphQL(hub.url, RECORDS, { id: '05068/1' }, haNoi);
    expect(elsewhere.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(elsewhere.errors?.[0]!.message).toMatch(/your token acts for provinces 01/);
    const write = await postGraphQL(
      hub.url,
      'mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id } } }',
      {
        input: {
          communeId: '05068/1', code: 'PROV-0001', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', procedureField: 'Hộ tịch',
          channel: 'DIRECT', receivedAt: '2024-03-05T08:30:00+07:00', dueAt: '2024-03-06T17:00:00+07:00', applicant: { name: 'Bùi Văn Nam' },
        },
      },
      hoaBinh,
    );
    expect(write.errors?.[0]!.extensions?.code).toBe('FORBIDDEN');
  });

  it('never reads health records or camera streams', async () => {
    const query = 'query ($id: ID!) { communeById(id: $id) { cameras { streamUrl } } }';
    const police = await postGraphQL<{ communeById: { cameras: { streamUrl: string | null }[] } }>(hub.url, query, { id: '05068/1' }, security);
    expect(police.data!.communeById.cameras.some((c) => c.streamUrl)).toBe(true);
    const province = await postGraphQL<{ communeById: { cameras: { streamUrl: string | null }[] } }>(hub.url, query, { id: '05068/1' }, hoaBinh);
    expect(province.data!.communeById.cameras.length).toBeGreaterThan(0);
    expect(province.data!.communeById.cameras.every((c) => c.streamUrl === null)).toBe(true);
    const health = await postGraphQL(hub.url, 'query ($id: ID!) { communeById(id: $id) { healthRecords(first: 1) { totalCount } } }', { id: '05068/1' }, hoaBinh);
    expect(health.errors?.[0]!.extensions?.code).toBe('FORBIDDEN');
  });
});
