import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningGateway } from '../../gateway/gateway-server.js';
import { OperationBudget } from '../../gateway/operation-budget.js';
import { readBodyWithin } from '../../gateway/read-body.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { postGraphQL } from '../helpers/graphql-client.js';
import { hangingSubgraph, type HangingSubgraph } from '../helpers/hanging-subgraph.js';
import { startHub, type TestHub } from '../helpers/hub.js';

const QUERY = '{ commune(code: "05068", on: "2021-06-01") { name radioClusters { village } } }';

describe('gateway: a deadline for the whole operation', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let hanging: HangingSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'devices'] });
    hanging = await hangingSubgraph(hub, 'devices');
    // The per-call timeout is far away: only the operation's deadline can end the wait. The deadline
    // leaves governance ample time on a loaded machine (two suites at once): what is tested is that
    // the deadline ends the hanging call, not how fast the rest answers.
    gateway = await hub.startGateway({ OPERATION_TIMEOUT_MS: 5_000, subgraphs: { ...env.config.subgraphs, devices: { ...env.config.subgraphs.devices!, timeoutMs: 600_000 } } }, { supergraphSdl: hanging.supergraphSdl });
  });
  afterAll(async () => {
    await hub?.close();
    await hanging?.close();
    await env?.cleanup();
  });

  it('answers what arrived in time, with one OPERATION_LIMIT_EXCEEDED error, and aborts the call still waiting', async () => {
    const response = await postGraphQL<{ commune: { name: string; radioClusters: null } }>(gateway.url, QUERY);
    expect(response.status).toBe(200);
    expect(response.data?.commune).toEqual({ name: 'Nam Thượng', radioClusters: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/ran out of time \(5000 ms\)/),
      extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'time', maximum: 5_000, serviceName: 'devices' },
    });
    // The gateway hung up on the subgraph instead of holding the call open.
    expect(hanging.held).toHaveLength(1);
    await vi.waitFor(() => expect(hanging.held[0].socket.destroyed).toBe(true));
  });
});

describe('gateway: a byte budget for what one operation receives from subgraphs', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let small: RunningGateway;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env });
    small = await hub.startGateway({ OPERATION_MAX_RESPONSE_BYTES: 1500 });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('cuts an answer over OPERATION_MAX_RESPONSE_BYTES short with OPERATION_LIMIT_EXCEEDED, and a small one still fits', async () => {
    const sample = readFileSync('docs/sample-query.graphql', 'utf8');
    const big = await postGraphQL(small.url, sample, { code: '05068', on: '2021-06-01' });
    const over = big.errors?.filter((e) => e.extensions?.code === 'OPERATION_LIMIT_EXCEEDED') ?? [];
    expect(over).toHaveLength(1);
    expect(over[0].extensions).toMatchObject({ limit: 'responseSize', maximum: 1500 });
    const fits = await postGraphQL<{ commune: { name: string } }>(small.url, '{ commune(code: "05068", on: "2021-06-01") { name } }');
    expect(fits.errors).toBeUndefined();
    expect(fits.data?.commune.name).toBe('Nam Thượng');
  });
});

describe('OperationBudget', () => {
  it('rejects a call that ignores its signal when the deadline passes', async () => {
    vi.useFakeTimers();
    try {
      const budget = new OperationBudget(1000, 1_000_000);
      budget.start();
      const waiting = budget.race(new Promise(() => undefined));
      const settled = expect(waiting).rejects.toMatchObject({ extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'time', maximum: 1000 } });
      await vi.advanceTimersByTimeAsync(1000);
      await settled;
      expect(budget.signal.aborted).toBe(true);
      // Later calls of the same operation are refused at once.
      await expect(budget.race(Promise.resolve('late'))).rejects.toMatchObject({ extensions: { limit: 'time' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('charges what arrives and aborts once over the byte budget', () => {
    const budget = new OperationBudget(60_000, 100);
    budget.charge(60);
    expect(() => budget.charge(60)).toThrow(/over 100 bytes/);
    expect(budget.exceeded?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'responseSize' });
    budget.finish();
  });

  it('reads a streamed body within the budget and stops reading it when it goes over; a declared length over the budget is refused before reading', async () => {
    const streamed = (chunks: string[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
    const fits = new OperationBudget(60_000, 10);
    expect(await readBodyWithin(streamed(['{"a":', '1}']), undefined, fits)).toBe('{"a":1}');
    const over = new OperationBudget(60_000, 10);
    const tooLong = streamed(['{"a":"', 'xxxxxxxxxx', 'never read"}']);
    await expect(readBodyWithin(tooLong, undefined, over)).rejects.toMatchObject({ extensions: { limit: 'responseSize' } });
    expect(tooLong.destroyed).toBe(true);
    const declared = new OperationBudget(60_000, 10);
    const untouched = streamed(['{"a":"xxxxxxxxxxxx"}']);
    await expect(readBodyWithin(untouched, 20, declared)).rejects.toMatchObject({ extensions: { limit: 'responseSize' } });
    expect(untouched.readableDidRead).toBe(false);
    for (const budget of [fits, over, declared]) budget.finish();
  });
});
