import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssertionSigner, GATEWAY_ASSERTION_HEADER, newRequestId } from '../../../core/auth/gateway-assertion.js';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { startSubgraph } from '../../helpers/gateway-signing.js';

/**
 * A subgraph's /graphql is served on plain node:http (core/http/subgraph-graphql.ts), no longer by
 * Express's body parser: the edge cases that parser handled keep their answers.
 */
describe('subgraph /graphql on node:http: the body and its signature', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let sign: (body: string | Buffer) => Promise<string>;

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startSubgraph(SUBGRAPHS.devices, { config: env.config, port: 0, host: '127.0.0.1', target: env.target('devices') });
    const signer = createAssertionSigner(env.config);
    sign = async (body) => signer('devices', { viewer: null, requestId: newRequestId() }, body.toString());
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  const post = async (body: string | Buffer, headers: Record<string, string> = {}, url = subgraph.url) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [GATEWAY_ASSERTION_HEADER]: await sign(body), ...headers }, body });
    return { status: response.status, json: (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] } };
  };

  it('answers a signed request, also at /graphql/ and with a query string', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    expect(await post(body)).toEqual({ status: 200, json: { data: { __typename: 'Query' } } });
    expect((await post(body, {}, `${subgraph.url}/`)).status).toBe(200);
    expect((await post(body, {}, `${subgraph.url}?x=1`)).status).toBe(200);
  });

  it('reads a gzip body as express.json() did, the signature over the bytes received', async () => {
    const zipped = gzipSync(JSON.stringify({ query: '{ __typename }' }));
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', [GATEWAY_ASSERTION_HEADER]: await sign(JSON.stringify({ query: '{ __typename }' })) },
      body: zipped,
    });
    expect(response.status).toBe(200);
  });

  it('refuses a body over the limit (413), malformed JSON (400), a non-JSON body (401) and an over-long operationName (400)', async () => {
    const huge = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } });
    const tooLarge = await post(huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'size' });
    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await post('"just a string"')).status).toBe(400);
    expect((await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' })).status).toBe(401);
    const longName = await post(JSON.stringify({ query: 'query Q { __typename }', operationName: 'Q'.repeat(500) }));
    expect(longName.status).toBe(400);
    expect(longName.json.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'operationName' });
  });

  it('keeps the other routes on Express, and labels /graphql in the request metrics', async () => {
    expect(await (await fetch(subgraph.url.replace(/\/graphql$/, '/health'))).json()).toEqual({ status: 'ok', service: 'devices' });
    expect((await fetch(subgraph.url.replace(/\/graphql$/, '/ready'))).status).toBe(200);
    const metrics = await (await fetch(subgraph.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/hub_subgraph_http_request_duration_seconds_count\{[^}]*route="\/graphql"[^}]*method="POST"[^}]*status="2xx"/);
  });
});
