import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/gateway-server.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { startHub, type TestHub } from '../helpers/hub.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** One POST over node:http, so that the body can be sent chunked, compressed or with any content type. */
function post(url: string, body: Buffer, headers: Record<string, string>, chunked = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, ...(chunked ? {} : { 'content-length': String(body.length) }) } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text.startsWith('{') ? JSON.parse(text) : text }));
    });
    req.on('error', reject);
    if (chunked) for (let at = 0; at < body.length; at += 1024) req.write(body.subarray(at, at + 1024));
    else req.write(body);
    req.end();
  });
}

/** The same request on the gateway's two paths: plain (node:http straight to Apollo) and gzip-compressed (express and body-parser). */
async function bothPaths(url: string, text: string, headers: Record<string, string> = {}): Promise<[Answer, Answer]> {
  const json = { 'content-type': 'application/json', ...headers };
  return Promise.all([post(url, Buffer.from(text), json), post(url, gzipSync(text), { ...json, 'content-encoding': 'gzip' })]);
}

describe('gateway: POST /graphql without express answers as the express path does', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let small: RunningGateway;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'] });
    small = await hub.startGateway({ HTTP_MAX_BODY_BYTES: 2048 });
  });
  afterAll(async () => {
    // The hub closes the gateways it started for the test too.
    await hub?.close();
    await env?.cleanup();
  });

  it.each([
    ['a query', JSON.stringify({ query: 'query Lookup($code: String!) { commune(code: $code, on: "2021-06-01") { name } }', variables: { code: '05068' } })],
    ['malformed JSON', '{"query": '],
    ['JSON that is not an object', '"{ __typename }"'],
    ['an empty body', ''],
    ['an over-long operation name', JSON.stringify({ query: '{ __typename }', operationName: 'x'.repeat(500) })],
    ['an operation that does not validate', JSON.stringify({ query: '{ nothingHere }' })],
  ])('%s: the same status, answer and request id header on both paths', async (_what, text) => {
    const [plain, viaExpress] = await bothPaths(hub.url, text, { origin: 'http://localhost:5173' });
    expect(plain.status).toBe(viaExpress.status);
    expect(plain.body).toEqual(viaExpress.body);
    expect(plain.headers['content-type']).toBe(viaExpress.headers['content-type']);
    expect(plain.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(plain.headers['access-control-allow-origin']).toBe(viaExpress.headers['access-control-allow-origin']);
    expect(plain.headers['x-request-id'] === undefined).toBe(viaExpress.headers['x-request-id'] === undefined);
  });

  it('answers the query itself on the plain path', async () => {
    const [plain] = await bothPaths(hub.url, JSON.stringify({ query: '{ commune(code: "05068", on: "2021-06-01") { name } }' }));
    expect(plain).toMatchObject({ status: 200, body: { data: { commune: { name: 'Nam Thượng' } } } });
  });

  it('refuses a body over HTTP_MAX_BODY_BYTES with 413, declared or streamed, and keeps answering', async () => {
    const big = JSON.stringify({ query: `{ __typename ${'__typename '.repeat(400)}}` });
    const declared = await post(small.url, Buffer.from(big), { 'content-type': 'application/json' });
    expect(declared).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'size', maximum: 2048, actual: Buffer.byteLength(big) } }] } });
    const streamed = await post(small.url, Buffer.from(big), { 'content-type': 'application/json' }, true);
    expect(streamed).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'size', maximum: 2048 } }] } });
    const viaExpress = await post(small.url, gzipSync(big), { 'content-type': 'application/json', 'content-encoding': 'gzip' }, true);
    expect(viaExpress.status).toBe(413);
    expect(await post(small.url, Buffer.from('{"query":"{ __typename }"}'), { 'content-type': 'application/json' })).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});
