import { readFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/gateway-server.js';
import { countSubgraphCalls } from '../helpers/counting-proxy.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { bearer, postGraphQL, type GraphQLResponse } from '../helpers/graphql-client.js';
import { Role } from '../../subgraphs/shared/roles.js';
import { signHubToken } from '../../subgraphs/shared/hub-token.js';
import { startHub, type TestHub } from '../helpers/hub.js';

const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');
const NAM_THUONG_2021 = { code: '05068', on: '2021-06-01' };

/** `successor { predecessors { successor { ... } } }`, `levels` fields deep below commune. */
function lineageNesting(levels: number): string {
  let selection = 'name';
  for (let level = levels; level >= 1; level--) selection = `${level % 2 ? 'successor' : 'predecessors'} { name ${selection} }`;
  return `{ commune(code: "05068", on: "2021-06-01") { ${selection} } }`;
}

function aliases(count: number, field: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => field(i)).join('\n');
}

/** The issue's attacks, as an anonymous caller sends them. */
const ATTACKS = {
  deep: lineageNesting(30),
  dossierStatsAliases: `{ commune(code: "05068", on: "2021-06-01") { ${aliases(1000, (i) => `s${i}: dossierStats(year: 2021) { received online }`)} } }`,
  communeAliases: `{ ${aliases(1000, (i) => `c${i}: commune(code: "05068") { name radioClusters { village } healthRecordStats { records } producers(first: 1) { totalCount } }`)} }`,
  longOperationName: `query Op${'a'.repeat(200_000)} { __typename }`,
};

describe('gateway: operation limits before execution', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let gateway: RunningGateway;
  let calls: Awaited<ReturnType<typeof countSubgraphCalls>>;
  const subgraphCalls = () => calls.count();

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env });
    // The same hub behind a gateway whose every subgraph call is counted.
    calls = await countSubgraphCalls(hub);
    // Without the response cache: a normal query here must reach the subgraphs each time.
    gateway = await hub.startGateway({ RESPONSE_CACHE_MB: 0 }, { subgraphUrls: calls.subgraphUrls });
  });
  afterAll(async () => {
    await hub?.close();
    await calls?.close();
    await env?.cleanup();
  });

  async function expectRefused(send: () => Promise<GraphQLResponse>, limit: string | RegExp): Promise<GraphQLResponse> {
    const before = subgraphCalls();
    const response = await send();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: typeof limit === 'string' ? limit : expect.stringMatching(limit) });
    // Refused before planning: no subgraph was asked anything.
    expect(subgraphCalls()).toBe(before);
    return response;
  }

  async function expectSampleAnswers(): Promise<void> {
    const response = await postGraphQL<{ commune: { name: string } }>(gateway.url, SAMPLE, NAM_THUONG_2021);
    expect(response.errors).toBeUndefined();
    expect(response.data?.commune.name).toBe('Nam Thượng');
  }

  it('answers the README sample query (four subgraphs) within the default limits', async () => {
    const before = subgraphCalls();
    await expectSampleAnswers();
    expect(subgraphCalls()).toBeGreaterThan(before);
  });

  it('refuses successor/predecessors nested 30 levels (depth), then keeps answering', async () => {
    const refused = await expectRefused(() => postGraphQL(gateway.url, ATTACKS.deep), 'depth');
    expect(refused.errors?.[0]).toMatchObject({ extensions: { maximum: 12, actual: 32 } });
    expect(refused.errors?.[0].message).toMatch(/depth limit of 12 exceeded/);
    await expectSampleAnswers();
  });

  it('refuses a shallower lineage fan-out that fits the depth limit by its cost (each level multiplies)', async () => {
    const refused = await expectRefused(() => postGraphQL(gateway.url, lineageNesting(10)), 'cost');
    expect(refused.errors?.[0].extensions?.actual).toBeGreaterThan(10_000);
    // Two levels fan out little and still answer.
    const fine = await postGraphQL<{ commune: { successor: { predecessors: { name: string }[] } } }>(gateway.url, lineageNesting(2));
    expect(fine.errors).toBeUndefined();
    expect(fine.data?.commune.successor.predecessors.map((p) => p.name)).toContain('Nam Thượng');
  });

  it('refuses 1,000 aliases of dossierStats and 1,000 aliases of commune across the subgraphs', async () => {
    // 1,000 aliases are first over the token limit: parsing stops there.
    await expectRefused(() => postGraphQL(gateway.url, ATTACKS.dossierStatsAliases), 'tokens');
    const refused = await expectRefused(() => postGraphQL(gateway.url, ATTACKS.communeAliases), 'tokens');
    expect(refused.errors?.[0].extensions?.maximum).toBe(2000);
    // Under the token limit, the aliases themselves are counted.
    await expectRefused(() => postGraphQL(gateway.url, `{ commune(code: "05068") { ${aliases(31, (i) => `s${i}: dossierStats(year: 2021) { received }`)} } }`), 'aliases');
    await expectRefused(() => postGraphQL(gateway.url, `{ ${aliases(40, (i) => `c${i}: commune(code: "05068") { name }`)} }`), 'aliases');
    await expectSampleAnswers();
  });

  it('refuses a 200,000-letter operation name, and one just over the name limit, without echoing it', async () => {
    const refused = await expectRefused(() => postGraphQL(gateway.url, ATTACKS.longOperationName), 'operationName');
    expect(refused.errors?.[0].message.length).toBeLessThan(200);
    await expectRefused(() => postGraphQL(gateway.url, `query ${'B'.repeat(101)} { __typename }`), 'operationName');
    // The same name sent as the request's operationName is refused before parsing.
    const asField = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: '{ __typename }', operationName: 'Op'.padEnd(150_000, 'x') }),
    });
    expect(asField.status).toBe(400);
    const body = (await asField.json()) as GraphQLResponse;
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'operationName', actual: 150_000 } });
    expect(JSON.stringify(body).length).toBeLessThan(500);
  });

  it('refuses a body over HTTP_MAX_BODY_BYTES while it arrives (413), and malformed JSON as BAD_USER_INPUT', async () => {
    const before = subgraphCalls();
    const oversized = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: `# ${'x'.repeat(300 * 1024)}\n{ __typename }` }),
    });
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toMatchObject({ errors: [{ extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'size', maximum: 256 * 1024 } }] });
    const malformed = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(subgraphCalls()).toBe(before);
  });

  it('refuses too many tokens, too many directives, and a cost over the limit from page sizes in variables', async () => {
    await expectRefused(() => postGraphQL(gateway.url, `{ ${'__typename '.repeat(2500)}}`), 'tokens');
    await expectRefused(() => postGraphQL(gateway.url, `{ ${'__typename @include(if: true) '.repeat(60)}}`), 'directives');
    const pages = `query Pages($first: Int) {
      commune(code: "05068") { producers(first: $first) { edges { node { name products(first: $first) { edges { node { name priceVnd } } } } } } }
    }`;
    const refused = await expectRefused(() => postGraphQL(gateway.url, pages, { first: 100 }), 'cost');
    expect(refused.errors?.[0].extensions).toMatchObject({ maximum: 10_000, actual: expect.any(Number) });
    const small = await postGraphQL(gateway.url, pages, { first: 5 });
    expect(small.errors).toBeUndefined();
    // A caller with a verified token gets the larger OPERATION_MAX_COST_AUTHENTICATED.
    const token = await signHubToken(env.config, { subject: 'provincial-system', roles: [Role.OFFICER], communeCodes: ['05068'] });
    const authenticated = await postGraphQL(gateway.url, pages, { first: 100 }, bearer(token));
    expect(authenticated.errors).toBeUndefined();
    const tooMuch = `query { communes(provinceCode: "25") { producers(first: 100) { edges { node { products(first: 100) { edges { node { name priceVnd stock } } } } } } } }`;
    await expectRefused(() => postGraphQL(gateway.url, tooMuch, {}, bearer(token)), 'cost');
  });

  it('lets the standard introspection query through (tooling needs it), but not introspection that fans out', async () => {
    const response = await postGraphQL<{ __schema: { types: unknown[] } }>(gateway.url, getIntrospectionQuery());
    expect(response.errors).toBeUndefined();
    expect(response.data?.__schema.types.length).toBeGreaterThan(50);
    const fanOut = '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }';
    await expectRefused(() => postGraphQL(gateway.url, fanOut), 'depth');
  });

  it('keeps answering other callers while the attacks arrive together', async () => {
    const attacks = Object.values(ATTACKS).map((query) => postGraphQL(gateway.url, query));
    const normal = postGraphQL<{ commune: { name: string } }>(gateway.url, SAMPLE, NAM_THUONG_2021);
    const [answer, ...refused] = await Promise.all([normal, ...attacks]);
    expect(answer.data?.commune.name).toBe('Nam Thượng');
    for (const response of refused) expect(response.errors?.[0].extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
  });
});

describe('subgraph ports: the same limits, for callers that skip the gateway', () => {
  let env: TestEnvironment;
  let hub: TestHub;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'] });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('refuses the 30-level lineage query and the dossierStats alias bomb sent straight to governance', async () => {
    const url = hub.subgraphs.governance!.url;
    const deep = await postGraphQL(url, ATTACKS.deep);
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'depth' });
    const bomb = await postGraphQL(url, ATTACKS.dossierStatsAliases);
    expect(bomb.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'tokens' });
    const fewer = await postGraphQL(url, `{ commune(code: "05068") { ${aliases(100, (i) => `s${i}: dossierStats(year: 2021) { received }`)} } }`);
    expect(fewer.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'aliases' });
    const fanOut = await postGraphQL(url, lineageNesting(12));
    expect(fanOut.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost' });
    const fine = await postGraphQL<{ commune: { name: string } }>(url, '{ commune(code: "05068", on: "2021-06-01") { name } }');
    expect(fine.data?.commune.name).toBe('Nam Thượng');
  });

  it('counts an entity batch by its representations', async () => {
    const url = hub.subgraphs.governance!.url;
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Commune { name predecessors { name } } } }';
    const few = await postGraphQL<{ _entities: unknown[] }>(url, entities, { r: [{ __typename: 'Commune', id: '05068/2' }] });
    expect(few.errors).toBeUndefined();
    const many = await postGraphQL(url, entities, { r: Array.from({ length: 5000 }, () => ({ __typename: 'Commune', id: '05068/2' })) });
    expect(many.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost' });
  });
});
