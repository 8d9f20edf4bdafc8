import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedGatewayKey } from '../../core/auth/gateway-assertion.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';
import { startSubgraph } from '../helpers/gateway-signing.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';

const INTROSPECT = '{ __schema { queryType { name } } }';
const TYPO = '{ commune(code: "05068") { nme } }';

describe('production mode: no introspection, no suggestions, unless configured', () => {
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

  const production = () => ({ NODE_ENV: 'production' as const, AUTH_SECRET: 'p'.repeat(32), GATEWAY_SIGNING_KEY: embeddedGatewayKey(env.config.dataDir) });

  it('the gateway refuses introspection and says no "Did you mean" in production', async () => {
    const gateway = await hub.startGateway(production());
    const introspection = await postGraphQL(gateway.url, INTROSPECT);
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    expect(introspection.data ?? null).toBeNull();
    const typo = await postGraphQL(gateway.url, TYPO);
    expect(typo.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    // Outside production both stay on, for developers.
    expect((await postGraphQL(hub.url, INTROSPECT)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await postGraphQL(hub.url, TYPO)).errors?.[0].message).toMatch(/Did you mean "name"/);
  });

  it('GRAPHQL_INTROSPECTION=true turns them back on in production', async () => {
    const gateway = await hub.startGateway({ ...production(), GRAPHQL_INTROSPECTION: true });
    expect((await postGraphQL(gateway.url, INTROSPECT)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('a subgraph in production refuses introspection too', async () => {
    const config = { ...env.config, ...production() };
    const other = await createTestEnvironment();
    const subgraph = await startSubgraph(SUBGRAPHS.governance, { config: { ...config, dataDir: other.dataDir }, port: 0, host: '127.0.0.1', target: other.target('governance') });
    try {
      const response = await postGraphQL(subgraph.url, INTROSPECT);
      expect(response.errors?.[0].message).toMatch(/introspection/i);
      expect((await postGraphQL(subgraph.url, '{ _service { sdl } }')).data).toMatchObject({ _service: { sdl: expect.any(String) } });
    } finally {
      await subgraph.close();
      await other.cleanup();
    }
  });
});
