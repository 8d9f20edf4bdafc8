import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyDigest, gatewaySigningKey } from '../../../core/auth/gateway-assertion.js';
import { startSubgraph } from '../../../core/subgraph-server.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL, postUnsigned } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

/** The attack: a Liên Sơn health token asks society for Nam Thượng's and Kim Lập's records through a forged representation. */
const FORGED = `query {
  _entities(representations: [{ __typename: "Commune", id: "04969/1", lineageIds: ["05068/1", "05035/1"] }]) {
    ... on Commune { healthRecords(first: 100) { totalCount edges { node { id administrative { fullName citizenId phone } } } } healthRecordReads(first: 10) { totalCount } }
  }
}`;

describe('subgraphs answer only the gateway', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let token: string;
  let societyUrl: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'society'] });
    token = await signHubToken(env.config, { subject: 'nurse-ls', roles: [Role.HEALTH_STAFF], communeCodes: ['04969'] });
    societyUrl = hub.subgraphs.society!.url;
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  /** A request as the gateway would sign it, with claims and timing the test chooses. */
  async function signed(body: string, claims: { aud?: string; iat?: number; exp?: number; bh?: string; communes?: string[] } = {}): Promise<Response> {
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ rid: 'r-1', bh: claims.bh ?? bodyDigest(body), vw: { sub: 'nurse-ls', roles: [Role.HEALTH_STAFF], scopes: { communes: claims.communes ?? ['04969'] } } })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('commune-hub/gateway')
      .setAudience(claims.aud ?? 'society')
      .setIssuedAt(claims.iat ?? now)
      .setExpirationTime(claims.exp ?? now + 30)
      .sign(gatewaySigningKey(env.config));
    return fetch(societyUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-gateway-assertion': assertion }, body });
  }

  it('refuses the forged _entities representation sent straight to society with 401, before any resolver', async () => {
    const before = await hub.subgraphs.society!.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*) as n from health_record_read');
    const response = await postUnsigned(societyUrl, FORGED, {}, bearer(token));
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data).toBeUndefined();
    expect(JSON.stringify(response)).not.toMatch(/fullName|citizenId|phone"/);
    // Nothing ran: not even an audit row of the refused read.
    const after = await hub.subgraphs.society!.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*) as n from health_record_read');
    expect(Number(after[0].n)).toBe(Number(before[0].n));
  });

  it('covers only the lineage society knows, even when a forged representation is signed with the gateway key', async () => {
    type Entities = { _entities: { healthRecords: { totalCount: number; edges: { node: { id: string } }[] } | null }[] };
    // The old Liên Sơn (04969) ended on 2025-06-30: its token acts for nothing, whatever lineage is claimed.
    const defunct = (await (await signed(JSON.stringify({ query: FORGED }))).json()) as { data: Entities; errors?: { extensions: { code: string } }[] };
    expect(defunct.data._entities[0]!.healthRecords).toBeNull();
    expect(defunct.errors?.[0]!.extensions.code).toBe('FORBIDDEN');
    // The new Liên Sơn's staff asking with Hợp Kim's predecessors in the lineage get their own lineage's records only.
    const forged = FORGED.replace('"04969/1"', '"04960/2"');
    const current = (await (await signed(JSON.stringify({ query: forged }), { communes: ['04960'] })).json()) as { data: Entities };
    const returned = current.data._entities[0]!.healthRecords!;
    const em = hub.subgraphs.society!.orm.em.fork();
    const namThuongAndKimLap = await em.getConnection().execute<{ id: string }[]>(`select id from health_record where commune_id in ('05068/1', '05035/1')`);
    expect(namThuongAndKimLap.length).toBeGreaterThan(0);
    const leaked = new Set(namThuongAndKimLap.map((r: { id: string }) => r.id));
    expect(returned.edges.filter((e) => leaked.has(e.node.id))).toEqual([]);
  });

  it('refuses a stale assertion, one made for another subgraph, one over another body, and a GET', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const now = Math.floor(Date.now() / 1000);
    expect((await signed(body)).status).toBe(200);
    const stale = await signed(body, { iat: now - 600, exp: now - 500 });
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // An exp far ahead does not help an old assertion: its age counts.
    expect((await signed(body, { iat: now - 600, exp: now + 3600 })).status).toBe(401);
    // Nor does an iat ahead of the clock (the age would count from then).
    expect((await signed(body, { iat: now + 600, exp: now + 630 })).status).toBe(401);
    expect((await signed(body, { aud: 'devices' })).status).toBe(401);
    expect((await signed(body, { bh: bodyDigest('{"query":"{ _service { sdl } }"}') })).status).toBe(401);
    expect((await fetch(`${societyUrl}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } })).status).toBe(401);
  });

  it('refuses an assertion signed with another key', async () => {
    const other = await createTestEnvironment();
    try {
      const body = JSON.stringify({ query: '{ __typename }' });
      const now = Math.floor(Date.now() / 1000);
      const assertion = await new SignJWT({ rid: 'r', bh: bodyDigest(body) })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('commune-hub/gateway')
        .setAudience('society')
        .setIssuedAt(now)
        .setExpirationTime(now + 30)
        .sign(gatewaySigningKey(other.config));
      const response = await fetch(societyUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-gateway-assertion': assertion }, body });
      expect(response.status).toBe(401);
    } finally {
      await other.cleanup();
    }
  });

  it('answers the gateway: its signed requests carry the viewer it verified', async () => {
    const officer = await signHubToken(env.config, { subject: 'officer-nt', roles: [Role.OFFICER], communeCodes: ['05068'] });
    const response = await postGraphQL(hub.url, '{ communeById(id: "05068/1") { name healthRecordStats { records } } }', {}, bearer(officer));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ communeById: { name: 'Nam Thượng', healthRecordStats: { records: 3604 } } });
    const ready = await fetch(hub.url.replace(/\/graphql$/, '/ready'));
    expect(ready.status).toBe(200);
  });

  it('refuses to start a subgraph in production without GATEWAY_SIGNING_KEY, naming the variable', async () => {
    const production = { ...env.config, NODE_ENV: 'production' as const, AUTH_SECRET: 'x'.repeat(32) };
    await expect(startSubgraph(SUBGRAPHS.society, { config: production, port: 0, host: '127.0.0.1', target: env.target('society') })).rejects.toThrow(/GATEWAY_SIGNING_KEY/);
  });
});
