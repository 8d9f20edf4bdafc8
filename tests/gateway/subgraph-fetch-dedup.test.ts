import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GatewayContext } from '../../gateway/context.js';
import { OperationBudget } from '../../gateway/operation-budget.js';
import { createSubgraphConnections, HubSubgraphDataSource } from '../../gateway/subgraph-data-source.js';
import { createLogger } from '../../core/logger.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { holdSubgraphCalls } from '../helpers/counting-proxy.js';
import { postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';

/**
 * A subgraph stand-in over real HTTP that holds every call until released, so that calls can be
 * shown to be in flight at the same time; it records what it received.
 */
async function gatedSubgraph(answer: (body: { variables?: Record<string, unknown> }) => { status: number; body: unknown }) {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const held: (() => void)[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      held.push(() => {
        const { status, body: payload } = answer(JSON.parse(body) as { variables?: Record<string, unknown> });
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received,
    release: () => held.splice(0).forEach((send) => send()),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const logger = createLogger('test', 'silent');

/** One subgraph call as the query planner makes it for an incoming operation of the given type. */
function call(source: HubSubgraphDataSource, options: { operation: 'query' | 'mutation'; authorization?: string; variables?: Record<string, unknown>; budget?: OperationBudget }) {
  // The verified viewer the gateway signs for the subgraph: who `authorization` stands for here.
  const viewer = options.authorization ? ({ subject: options.authorization, roles: [], scopes: {} } as unknown as GatewayContext['viewer']) : null;
  const context: GatewayContext = { requestId: `r-${Math.random()}`, viewer, logger, budget: options.budget ?? new OperationBudget(60_000, 1024 * 1024) };
  return source.process({
    kind: 'incoming operation',
    request: { query: 'query Q__governance__0($code:String!){commune(code:$code){id name}}', variables: options.variables ?? { code: '05068' } },
    context,
    incomingRequestContext: { operation: { operation: options.operation }, context } as never,
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
}

describe('gateway: identical subgraph reads in flight are sent once', () => {
  const connections = createSubgraphConnections({ deduplicate: true });
  let gate: Awaited<ReturnType<typeof gatedSubgraph>>;
  let source: HubSubgraphDataSource;
  let status = 200;

  beforeAll(async () => {
    gate = await gatedSubgraph(({ variables }) => ({ status, body: status === 200 ? { data: { commune: { id: `${String(variables?.code)}/1`, name: 'Nam Thượng' } } } : { errors: [{ message: 'down' }] } }));
    source = new HubSubgraphDataSource('governance', { url: gate.url, fetcher: connections.fetcher(60_000) });
  });
  afterEach(() => {
    status = 200;
    gate.release();
    gate.received.length = 0;
  });
  afterAll(async () => {
    await gate.close();
    await connections.close();
  });

  it('concurrent identical queries make one subgraph call, and each caller gets its own copy of the answer', async () => {
    const answers = Array.from({ length: 5 }, () => call(source, { operation: 'query', authorization: 'Bearer a' }));
    await expect.poll(() => gate.received.length, { timeout: 30_000 }).toBe(1);
    gate.release();
    const results = await Promise.all(answers);
    expect(gate.received).toHaveLength(1);
    for (const result of results) expect(result.data).toEqual({ commune: { id: '05068/1', name: 'Nam Thượng' } });
    // The gateway merges into what it receives: no two operations may hold the same object.
    expect(results[0].data).not.toBe(results[1].data);
    // Once answered, the next identical query goes out again (sharing is in flight only, no cache).
    const later = call(source, { operation: 'query', authorization: 'Bearer a' });
    await expect.poll(() => gate.received.length, { timeout: 30_000 }).toBe(2);
    gate.release();
    await later;
  });

  it('never shares between different viewers, or different variables', async () => {
    const pending = [
      call(source, { operation: 'query', authorization: 'Bearer officer-a' }),
      call(source, { operation: 'query', authorization: 'Bearer officer-b' }),
      call(source, { operation: 'query' }),
      call(source, { operation: 'query', authorization: 'Bearer officer-a', variables: { code: '04969' } }),
      call(source, { operation: 'query', authorization: 'Bearer officer-a' }),
    ];
    await expect.poll(() => gate.received.length, { timeout: 30_000 }).toBe(4);
    gate.release();
    await Promise.all(pending);
    expect(gate.received).toHaveLength(4);
  });

  it('never shares the calls of a mutation', async () => {
    const pending = Array.from({ length: 3 }, () => call(source, { operation: 'mutation', authorization: 'Bearer a' }));
    await expect.poll(() => gate.received.length, { timeout: 30_000 }).toBe(3);
    gate.release();
    await Promise.all(pending);
    expect(gate.received).toHaveLength(3);
  });

  it('delivers a failure of the shared call to every caller waiting for it', async () => {
    status = 503;
    const pending = Array.from({ length: 4 }, () => call(source, { operation: 'query', authorization: 'Bearer a' }).then(() => null, (error: unknown) => error));
    await expect.poll(() => gate.received.length, { timeout: 30_000 }).toBe(1);
    gate.release();
    const errors = await Promise.all(pending);
    expect(gate.received).toHaveLength(1);
    for (const error of errors) expect(error).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'governance' } });
  });

  it('a caller whose budget runs out stops waiting; the others still get the answer', async () => {
    const short = new OperationBudget(60_000, 100);
    const first = call(source, { operation: 'query', authorization: 'Bearer a', budget: short }).then(() => null, (error: unknown) => error);
    const second = call(source, { operation: 'query', authorization: 'Bearer a' });
    await expect.poll(() => gate.received.length, { timeout: 30_000 }).toBe(1);
    expect(() => short.charge(1000)).toThrow();
    expect(await first).toMatchObject({ extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'responseSize' } });
    gate.release();
    expect((await second).data).toEqual({ commune: { id: '05068/1', name: 'Nam Thượng' } });
    expect(gate.received).toHaveLength(1);
  });
});

describe('gateway: deduplication through the graph', () => {
  let env: TestEnvironment;
  let hub: TestHub;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'devices'] });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('answers many identical concurrent queries exactly as one alone', async () => {
    const query = `query Overview($code: String!, $on: Date) { commune(code: $code, on: $on) { id name predecessors { name } dossierStats(year: 2021) { received online } radioClusters { village deviceCount } } }`;
    const variables = { code: '05068', on: '2021-06-01' };
    const alone = await postGraphQL(hub.url, query, variables);
    expect(alone.errors).toBeUndefined();
    const together = await Promise.all(Array.from({ length: 12 }, () => postGraphQL(hub.url, query, variables)));
    for (const answer of together) expect(answer).toEqual(alone);
  });
});

describe('gateway: the README sample, asked by many at once, costs each subgraph one call per distinct fetch', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  const sample = readFileSync('docs/sample-query.graphql', 'utf8');
  const variables = { code: '05068', on: '2021-06-01' };

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  /** The gateway's count of the subgraph calls its query plans made: sent, and shared with one in flight. */
  async function callsMade(metricsUrl: string): Promise<{ sent: number; shared: number }> {
    const text = await (await fetch(metricsUrl)).text();
    const sum = (shared: boolean) => [...text.matchAll(new RegExp(`^hub_gateway_subgraph_calls_total\\{[^}]*shared="${String(shared)}"[^}]*\\} (\\d+)`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
    return { sent: sum(false), shared: sum(true) };
  }

  /**
   * Sends N identical sample queries to a gateway whose subgraph calls are held: each stage of the
   * plan is held at the subgraphs until every one of the N operations has made its calls of that
   * stage (then, shared or not, they were all in flight together). Returns the N answers.
   */
  async function burst(gatewayUrl: string, metricsUrl: string, held: Awaited<ReturnType<typeof holdSubgraphCalls>>, N: number) {
    const before = await callsMade(metricsUrl);
    let finished = false;
    const together = Promise.all(Array.from({ length: N }, () => postGraphQL(gatewayUrl, sample, variables))).finally(() => (finished = true));
    while (!finished) {
      await vi
        .waitFor(
          async () => {
            if (finished) return;
            // A stage is ready once calls of it are held (none are right after a release) and all N operations made theirs.
            if (!held.waiting()) throw new Error('no call of the next stage held yet');
            const now = await callsMade(metricsUrl);
            const sent = now.sent - before.sent;
            const made = sent + now.shared - before.shared;
            if (sent !== held.received.length || made !== N * held.received.length) throw new Error(`held ${held.received.length}, made ${made}`);
          },
          { timeout: 20_000, interval: 20 },
        )
        // Deduplication broken: the N operations never catch up with one call each; let them go and count.
        .catch(() => undefined);
      held.release();
    }
    return together;
  }

  /** The sample alone, through a gateway without the response cache: its answer and the distinct calls its plan makes. */
  async function alone(held: Awaited<ReturnType<typeof holdSubgraphCalls>>) {
    const gateway = await hub.startGateway({ RESPONSE_CACHE_MB: 0 }, { subgraphUrls: held.subgraphUrls });
    let answered = false;
    const pending = postGraphQL(gateway.url, sample, variables).finally(() => (answered = true));
    // Each stage of the plan is let through as it arrives, until the answer is in.
    await vi.waitFor(() => {
      held.release();
      if (!answered) throw new Error('still answering');
    }, { timeout: 60_000, interval: 20 });
    const answer = await pending;
    expect(answer.errors).toBeUndefined();
    const distinct = held.received.splice(0);
    expect(distinct.length).toBeGreaterThanOrEqual(4);
    return { gateway, answer, distinct };
  }

  it('N identical anonymous queries through the signing gateway: each distinct subgraph call arrives once, signed', async () => {
    const held = await holdSubgraphCalls(hub);
    try {
      // Without the response cache, which would answer the N from the first alone (tests/gateway/response-cache.test.ts).
      const { gateway, answer, distinct } = await alone(held);
      const answers = await burst(gateway.url, gateway.metricsUrl!, held, 12);
      for (const each of answers) expect(each).toEqual(answer);
      // As many calls as one query alone makes, each of them once, each signed by the gateway.
      expect(held.received.map((c) => `${c.subgraph} ${c.body}`).sort()).toEqual(distinct.map((c) => `${c.subgraph} ${c.body}`).sort());
      for (const call of held.received) expect(call.assertion).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    } finally {
      held.release();
      await held.close();
    }
  });

  it('with the response cache on, N misses at once (an entry expired or not stored yet) still cost each distinct subgraph call once; the next is answered from memory', async () => {
    const held = await holdSubgraphCalls(hub);
    try {
      const { answer, distinct } = await alone(held);
      // A cache that holds nothing for the sample yet: what every caller meets when its entry has just expired.
      const cached = await hub.startGateway({ RESPONSE_CACHE_MB: 32 }, { subgraphUrls: held.subgraphUrls });
      const answers = await burst(cached.url, cached.metricsUrl!, held, 12);
      for (const each of answers) expect(each).toEqual(answer);
      // The cache plugin does not merge the misses itself; the in-flight deduplication below it does.
      expect(held.received.map((c) => `${c.subgraph} ${c.body}`).sort()).toEqual(distinct.map((c) => `${c.subgraph} ${c.body}`).sort());
      const before = await callsMade(cached.metricsUrl!);
      expect(await postGraphQL(cached.url, sample, variables)).toEqual(answer);
      expect(await callsMade(cached.metricsUrl!)).toEqual(before);
    } finally {
      held.release();
      await held.close();
    }
  });
});
