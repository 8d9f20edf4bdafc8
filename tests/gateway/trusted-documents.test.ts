import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.js';
import type { RunningGateway } from '../../gateway/gateway-server.js';
import { TrustedDocumentsError } from '../../gateway/trusted-documents.js';
import { countingProxy, type CountingProxy } from '../helpers/counting-proxy.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import type { GraphQLResponse } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';

const HISTORY_QUERY = 'query CommuneHistory($code: String!, $on: Date) { commune(code: $code, on: $on) { name successor { name } } }';
const NAME_QUERY = 'query CommuneName($code: String!) { commune(code: $code) { name } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A GraphQL request as Apollo Client's persisted-query link sends it. */
async function send(url: string, body: { query?: string; hash?: string; variables?: Record<string, unknown> }): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({
      ...(body.query ? { query: body.query } : {}),
      variables: body.variables ?? {},
      ...(body.hash ? { extensions: { persistedQuery: { version: 1, sha256Hash: body.hash } } } : {}),
    }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

describe('gateway: automatic persisted queries (APQ)', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let withoutApq: RunningGateway;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'] });
    withoutApq = await hub.startGateway({ APQ_CACHE_MB: 0 });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('asks for the text of an unknown hash, registers it once, then runs it by hash alone', async () => {
    const hash = sha256(NAME_QUERY);
    expect((await send(hub.url, { hash, variables: { code: '05068' } })).errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await send(hub.url, { query: NAME_QUERY, hash, variables: { code: '05068' } })).data).toEqual({ commune: { name: 'Hợp Kim' } });
    expect((await send(hub.url, { hash, variables: { code: '05068' } })).data).toEqual({ commune: { name: 'Hợp Kim' } });
  });

  it('refuses a hash that does not match the text, and never registers an operation a limit refused', async () => {
    expect((await send(hub.url, { query: NAME_QUERY, hash: sha256('something else') })).status).toBe(400);
    let deep = 'name';
    for (let level = 30; level >= 1; level--) deep = `${level % 2 ? 'successor' : 'predecessors'} { name ${deep} }`;
    const query = `{ commune(code: "05068") { ${deep} } }`;
    expect((await send(hub.url, { query, hash: sha256(query) })).errors?.[0].extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
    expect((await send(hub.url, { hash: sha256(query) })).errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('says PERSISTED_QUERY_NOT_SUPPORTED when APQ_CACHE_MB=0', async () => {
    expect((await send(withoutApq.url, { hash: sha256(NAME_QUERY) })).errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });
});

describe('gateway: trusted documents (persisted operations)', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let proxy: CountingProxy;
  let manifest: string;
  const gatewayWith = (settings: Partial<TestEnvironment['config']>) => hub.startGateway(settings, { subgraphUrls: { governance: proxy.url } });

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'] });
    proxy = await countingProxy(hub.subgraphs.governance!.url);
    // What @apollo/generate-persisted-query-manifest writes for a frontend built with these two operations.
    manifest = path.join(env.dataDir, 'persisted-query-manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [
          { id: sha256(NAME_QUERY), name: 'CommuneName', type: 'query', body: NAME_QUERY },
          { id: 'commune-history-v1', name: 'CommuneHistory', type: 'query', body: HISTORY_QUERY },
        ],
      }),
    );
  });
  afterAll(async () => {
    await hub?.close();
    await proxy?.close();
    await env?.cleanup();
  });

  it('allow mode: registered operations run by id with no registration round trip; others still run', async () => {
    const gateway = await gatewayWith({ TRUSTED_DOCUMENTS_MANIFEST: manifest });
    expect((await send(gateway.url, { hash: sha256(NAME_QUERY), variables: { code: '05068' } })).data).toEqual({ commune: { name: 'Hợp Kim' } });
    expect((await send(gateway.url, { query: '{ commune(code: "05068") { id } }' })).data).toEqual({ commune: { id: '05068/2' } });
  });

  it('enforce mode: only manifest operations run, by id or by identical text; anything else is refused before any work', async () => {
    const gateway = await gatewayWith({ TRUSTED_DOCUMENTS_MANIFEST: manifest, TRUSTED_DOCUMENTS_MODE: 'enforce' });
    expect((await send(gateway.url, { hash: sha256(NAME_QUERY), variables: { code: '05068' } })).data).toEqual({ commune: { name: 'Hợp Kim' } });
    expect((await send(gateway.url, { query: NAME_QUERY, variables: { code: '05068' } })).data).toEqual({ commune: { name: 'Hợp Kim' } });

    const before = proxy.count();
    for (const body of [{ query: '{ commune(code: "05068") { id } }' }, { hash: sha256('{ __typename }') }, { query: '{ __typename }', hash: sha256('{ __typename }') }]) {
      const refused = await send(gateway.url, body);
      expect(refused.status).toBe(400);
      expect(refused.errors).toEqual([{ message: expect.stringMatching(/Only registered operations/), extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }]);
    }
    // Nothing unregistered was stored either: the id is still unknown.
    expect((await send(gateway.url, { hash: sha256('{ __typename }') })).errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(proxy.count()).toBe(before);
  });

  it('labels metrics with the registered operation names', async () => {
    const gateway = await gatewayWith({ TRUSTED_DOCUMENTS_MANIFEST: manifest, TRUSTED_DOCUMENTS_MODE: 'enforce', METRICS_MAX_OPERATIONS: 0 });
    const response = await send(gateway.url, { hash: 'commune-history-v1', variables: { code: '05068', on: '2021-06-01' } });
    expect(response.data).toEqual({ commune: { name: 'Nam Thượng', successor: { name: 'Hợp Kim' } } });
    expect(await (await fetch(gateway.metricsUrl!)).text()).toMatch(/operation="CommuneHistory"/);
  });

  it('refuses to start on a manifest that is not one, naming the file and the problem', async () => {
    const broken = path.join(env.dataDir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'x' }] }));
    await expect(gatewayWith({ TRUSTED_DOCUMENTS_MANIFEST: broken })).rejects.toThrow(TrustedDocumentsError);
    await expect(gatewayWith({ TRUSTED_DOCUMENTS_MANIFEST: broken })).rejects.toThrow(/broken\.json: operations\.0\.body: Required/);
    expect(() => loadConfig({ TRUSTED_DOCUMENTS_MODE: 'enforce' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUSTED_DOCUMENTS_MODE: 'enforce' })).toThrow(/TRUSTED_DOCUMENTS_MANIFEST/);
  });
});
