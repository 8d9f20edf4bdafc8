import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../subgraphs/shared/roles.js';
import { signHubToken } from '../../subgraphs/shared/hub-token.js';
import type { RunningGateway } from '../../gateway/gateway-server.js';
import { subgraphRefusal } from '../../gateway/subgraph-errors.js';
import { countSubgraphCalls } from '../helpers/counting-proxy.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { bearer, postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';

const CREATE_PRODUCT = 'mutation ($input: CreateProductInput!) { createProduct(input: $input) { product { id priceVnd } } }';
const PRODUCT = { producerId: 'pilot-voso-01', name: 'Bí xanh', category: 'vegetables', unit: 'kg', priceVnd: 20_000, stock: 5 };
const COMMUNE_ON = 'query ($on: Date) { commune(code: "05068", on: $on) { name } }';

/** The gateway's log lines, to check what it files as an unexpected error. */
function capturingLogger() {
  const lines: string[] = [];
  return { lines, logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }) };
}

describe('gateway: errors from subgraphs keep their meaning', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let gateway: RunningGateway;
  let producer: Record<string, string>;
  const log = capturingLogger();
  let calls: Awaited<ReturnType<typeof countSubgraphCalls>>;
  const subgraphCalls = () => calls.count();

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'commerce'] });
    calls = await countSubgraphCalls(hub);
    gateway = await hub.startGateway({}, { subgraphUrls: calls.subgraphUrls, logger: log.logger });
    producer = bearer(await signHubToken(env.config, { subject: 'member', roles: [Role.PRODUCER], producerIds: ['pilot-voso-01'] }));
  });
  afterAll(async () => {
    await hub?.close();
    await calls?.close();
    await env?.cleanup();
  });

  const unexpected = () => log.lines.filter((line) => /unexpected gateway error/.test(line));

  it.each([
    ['negative', -5, /Vnd cannot be negative/],
    ['fractional', 1999.5, /whole number of đồng/],
    ['absurd', 1e18, /above the limit/],
    ['text', '20000', /whole number of đồng/],
  ])('a %s priceVnd in variables is BAD_USER_INPUT with the scalar\'s message, before any subgraph call', async (_label, priceVnd, message) => {
    const before = subgraphCalls();
    const response = await postGraphQL(gateway.url, CREATE_PRODUCT, { input: { ...PRODUCT, priceVnd } }, producer);
    expect(response.status).toBe(400);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0].message).toMatch(message);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(subgraphCalls()).toBe(before);
    expect(unexpected()).toEqual([]);
  });

  it('a negative or fractional priceVnd written in the operation is BAD_USER_INPUT too', async () => {
    for (const [price, message] of [['-5', /Vnd cannot be negative/], ['1999.5', /whole number of đồng/]] as const) {
      const inline = `mutation { createProduct(input: { producerId: "pilot-voso-01", name: "Bí xanh", category: "vegetables", unit: "kg", priceVnd: ${price}, stock: 5 }) { product { id } } }`;
      const response = await postGraphQL(gateway.url, inline, {}, producer);
      expect(response.status).toBe(400);
      expect(response.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
    }
    expect(unexpected()).toEqual([]);
  });

  it('a good priceVnd still reaches commerce exactly as sent', async () => {
    const response = await postGraphQL<{ createProduct: { product: { priceVnd: number } } }>(gateway.url, CREATE_PRODUCT, { input: { ...PRODUCT, priceVnd: 25_000 } }, producer);
    expect(response.errors).toBeUndefined();
    expect(response.data?.createProduct.product.priceVnd).toBe(25_000);
  });

  it('an impossible date (2021-02-30) is BAD_USER_INPUT, in variables, in the operation and inside an input', async () => {
    const variable = await postGraphQL(gateway.url, COMMUNE_ON, { on: '2021-02-30' });
    expect(variable.status).toBe(400);
    expect(variable.errors?.[0]).toMatchObject({ message: expect.stringMatching(/real calendar date/), extensions: { code: 'BAD_USER_INPUT' } });
    const literal = await postGraphQL(gateway.url, '{ commune(code: "05068", on: "2021-02-30") { name } }');
    expect(literal.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const nested = await postGraphQL(gateway.url, CREATE_PRODUCT, { input: { ...PRODUCT, vietGap: { number: 'VG-1', expiresOn: '2021-02-30' } } }, producer);
    expect(nested.errors?.[0]).toMatchObject({ message: expect.stringMatching(/real calendar date/), extensions: { code: 'BAD_USER_INPUT' } });
    // 2024 is a leap year: its 29 February is a real date.
    const leap = await postGraphQL<{ commune: { name: string } }>(gateway.url, COMMUNE_ON, { on: '2024-02-29' });
    expect(leap.data?.commune.name).toBe('Nam Thượng');
    expect(unexpected()).toEqual([]);
  });

  it('an impossible instant (DateTime) is BAD_USER_INPUT', async () => {
    const officer = bearer(await signHubToken(env.config, { subject: 'officer', roles: [Role.OFFICER], communeCodes: ['05068'] }));
    const response = await postGraphQL(
      gateway.url,
      'mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id } } }',
      {
        input: {
          communeId: '05068/2',
          code: 'HS-TEST-1',
          procedureCode: '1.001',
          procedureName: 'Chứng thực bản sao',
          procedureField: 'Chứng thực',
          channel: 'DIRECT',
          applicant: { name: 'Nguyễn Văn A' },
          receivedAt: '2021-02-30T08:00:00+07:00',
          dueAt: '2021-03-05T08:00:00+07:00',
        },
      },
      officer,
    );
    expect(response.status).toBe(400);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({ message: expect.stringMatching(/receivedAt.*DateTime/), extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('gateway: a subgraph that refuses a request (4xx)', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let loose: RunningGateway;
  const log = capturingLogger();

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'] });
    // A gateway configured looser than its subgraphs: they refuse what it lets through.
    loose = await hub.startGateway({ OPERATION_MAX_DEPTH: 100, OPERATION_MAX_COST: 1e12 }, { logger: log.logger });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('passes on the subgraph\'s code and message, naming the subgraph, and logs no unexpected error', async () => {
    let selection = 'name';
    for (let level = 20; level >= 1; level--) selection = `${level % 2 ? 'successor' : 'predecessors'} { name ${selection} }`;
    const response = await postGraphQL(loose.url, `{ commune(code: "05068", on: "2021-06-01") { ${selection} } }`);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/depth limit of 14 exceeded/),
      extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'depth', maximum: 14, serviceName: 'governance' },
    });
    expect(response.errors?.[0].message).not.toMatch(/400: Bad Request/);
    expect(log.lines.filter((line) => /unexpected gateway error/.test(line))).toEqual([]);
  });
});

describe('subgraphRefusal', () => {
  it('keeps a public code and the fields a client uses, and drops the rest', () => {
    const error = subgraphRefusal('commerce', 400, {
      errors: [
        { message: 'Variable "$p" got invalid value -5; Vnd cannot be negative, got -5.', extensions: { code: 'BAD_USER_INPUT', field: 'input.priceVnd', stacktrace: ['at x'] } },
        { message: 'second' },
      ],
    });
    expect(error.message).toBe('Variable "$p" got invalid value -5; Vnd cannot be negative, got -5. (and 1 more problem of the same request)');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.priceVnd', serviceName: 'commerce' });
  });

  it('reads the status when the body names no public code', () => {
    expect(subgraphRefusal('devices', 400, 'Bad Request').extensions.code).toBe('BAD_USER_INPUT');
    expect(subgraphRefusal('devices', 400, { errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }).extensions.code).toBe('BAD_USER_INPUT');
    expect(subgraphRefusal('devices', 413, undefined)).toMatchObject({ message: 'The devices subgraph refused the request (HTTP 413).', extensions: { code: 'OPERATION_LIMIT_EXCEEDED' } });
    expect(subgraphRefusal('devices', 403, {}).extensions.code).toBe('FORBIDDEN');
  });
});
