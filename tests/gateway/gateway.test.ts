import { decodeJwt } from 'jose';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../scripts/support/compose.js';
import { startGateway, type RunningGateway } from '../../gateway/gateway-server.js';
import { Role } from '../../subgraphs/shared/roles.js';
import { signHubToken } from '../../subgraphs/shared/hub-token.js';
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

  it('answers with its own request id, whatever id the caller sent', async () => {
    const given = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'test-req-42' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(given.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const made = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a token signed with the embedded secret and rejects a forged one with UNAUTHENTICATED', async () => {
    const token = await signHubToken(env.config, { subject: 'officer-1', roles: [Role.OFFICER], communeCodes: ['05068'] });
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

describe('gateway → subgraph headers', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let spy: Server;
  let gateway: RunningGateway;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'] });
    const target = new URL(hub.subgraphs.governance!.url);
    // A recording proxy in front of governance: what does the gateway actually send?
    spy = createServer((req, res) => {
      seen.push(req.headers);
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => spy.listen(0, '127.0.0.1', resolve));
    const sdl = (await postGraphQL<{ _service: { sdl: string } }>(target.toString(), '{ _service { sdl } }')).data!._service.sdl;
    const url = `http://127.0.0.1:${(spy.address() as AddressInfo).port}/graphql`;
    gateway = await startGateway({ config: env.config, port: 0, host: '127.0.0.1', supergraphSdl: composeSupergraph([{ name: 'governance', url, sdl }]) });
  });
  afterAll(async () => {
    await gateway?.close();
    spy?.closeAllConnections();
    spy?.close();
    await hub?.close();
    await env?.cleanup();
  });

  it('keeps the caller\'s token, and signs what it verified with its own request id, over kept-alive connections', async () => {
    const token = await signHubToken(env.config, { subject: 'officer-1', roles: [Role.OFFICER], communeCodes: ['05068'] });
    for (const id of ['req-a', 'req-b']) {
      const response = await postGraphQL(gateway.url, '{ commune(code: "05068") { name } }', {}, { ...bearer(token), 'x-request-id': id });
      expect(response.data).toEqual({ commune: { name: 'Hợp Kim' } });
    }
    expect(seen.map((h) => h.authorization)).toEqual([undefined, undefined]);
    const ids = seen.map((h) => h['x-request-id']);
    expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(String(id)))).toBe(true);
    const claims = seen.map((h) => decodeJwt(String(h['x-hub-gateway-assertion'])));
    expect(claims.map((c) => [c.aud, c.rid, c.crid, (c.vw as { sub: string }).sub])).toEqual([
      ['governance', ids[0], 'req-a', 'officer-1'],
      ['governance', ids[1], 'req-b', 'officer-1'],
    ]);
    expect(seen.every((h) => h.connection !== 'close')).toBe(true);
  });
});
