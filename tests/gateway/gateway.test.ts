import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../core/auth/roles.js';
import { signToken } from '../../core/auth/tokens.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { bearer, postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';

describe('gateway', () => {
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

  it('answers a commune query through the gateway', async () => {
    const response = await postGraphQL(hub.url, '{ commune(code: "05068", on: "2021-06-01") { name successor { name } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ commune: { name: 'Nam Thượng', successor: { name: 'Hợp Kim' } } });
  });

  it('is live on /health and ready on /ready when every subgraph answers', async () => {
    const base = hub.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', subgraphs: [{ name: 'governance', ready: true }] });
  });

  it('exposes Prometheus metrics of requests and errors on /metrics', async () => {
    await postGraphQL(hub.url, 'query CountMe { __typename }');
    await postGraphQL(hub.url, '{ commune(code: "bad") { name } }');
    const text = await (await fetch(hub.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(text).toMatch(/hub_graphql_request_duration_seconds_count\{operation="CountMe"\} 1/);
    expect(text).toMatch(/hub_graphql_errors_total\{code="BAD_USER_INPUT",subgraph="governance"\} [1-9]/);
  });

  it('echoes the request id it was given, and makes one up otherwise', async () => {
    const given = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'test-req-42' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(given.headers.get('x-request-id')).toBe('test-req-42');
    const made = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a token signed with the embedded secret and rejects a forged one with UNAUTHENTICATED', async () => {
    const token = await signToken(env.config, { subject: 'officer-1', roles: [Role.OFFICER], communeCodes: ['05068'] });
    const ok = await postGraphQL(hub.url, '{ __typename }', {}, bearer(token));
    expect(ok.errors).toBeUndefined();
    const forged = `${token.slice(0, -4)}AAAA`;
    const rejected = await postGraphQL(hub.url, '{ __typename }', {}, bearer(forged));
    expect(rejected.status).toBe(401);
    expect(rejected.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reports a query error with a public code and no stack trace leak of internals', async () => {
    const response = await postGraphQL(hub.url, '{ commune(code: "05068") { noSuchField } }');
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
