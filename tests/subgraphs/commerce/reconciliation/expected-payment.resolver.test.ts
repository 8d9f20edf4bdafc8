import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraph, type RunningSubgraph } from '../../../../core/subgraph-server.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { reconciliationOnly } from './fixtures.js';

const RECORD = `mutation ($input: RecordExpectedPaymentInput!) {
  recordExpectedPayment(input: $input) { created expectedPayment { id provider reference amountVnd expectedAt payer producerId } }
}`;

describe('recordExpectedPayment: a one-off expected payment, finance only', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  const tokens: Record<string, string> = {};
  const input = { id: 'cho-phien-1', provider: 'viettel-money', reference: 'CP-0001', amountVnd: 85_000, expectedAt: '2026-11-01T08:30:00+07:00', payer: '+84 912 345 678', producerId: 'p1' };

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startSubgraph(reconciliationOnly, { config: env.config, port: 0, host: '127.0.0.1', target: env.target('commerce') });
    tokens.finance = await signHubToken(env.config, { subject: 'ke-toan-1', roles: [Role.FINANCE] });
    tokens.producer = await signHubToken(env.config, { subject: 'htx-1', roles: [Role.PRODUCER], producerIds: ['p1'] });
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('records it once; the same id and values again change nothing; other values are a CONFLICT', async () => {
    const first = await postGraphQL(subgraph.url, RECORD, { input }, bearer(tokens.finance));
    expect(first.errors).toBeUndefined();
    expect(first.data).toEqual({
      recordExpectedPayment: { created: true, expectedPayment: { ...input, expectedAt: '2026-11-01T01:30:00.000Z' } },
    });
    const again = await postGraphQL(subgraph.url, RECORD, { input }, bearer(tokens.finance));
    expect((again.data as { recordExpectedPayment: { created: boolean } }).recordExpectedPayment.created).toBe(false);
    const changed = await postGraphQL(subgraph.url, RECORD, { input: { ...input, amountVnd: 86_000 } }, bearer(tokens.finance));
    expect(changed.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await subgraph.orm.em.fork().count(ExpectedPayment, {})).toBe(1);
  });

  it('without an id gets a new one; bad input is BAD_USER_INPUT naming the field; other roles are refused', async () => {
    const { id: _id, ...withoutId } = input;
    const fresh = await postGraphQL(subgraph.url, RECORD, { input: { ...withoutId, reference: 'CP-0002' } }, bearer(tokens.finance));
    expect((fresh.data as { recordExpectedPayment: { expectedPayment: { id: string } } }).recordExpectedPayment.expectedPayment.id).toMatch(/^manual-[0-9a-f-]{36}$/);
    const bad = await postGraphQL(subgraph.url, RECORD, { input: { ...input, id: 'x2', provider: 'momo' } }, bearer(tokens.finance));
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.errors?.[0].message).toMatch(/provider "momo" is not one of viettel-money, vnpt-money, viviet/);
    const producer = await postGraphQL(subgraph.url, RECORD, { input: { ...input, id: 'x3' } }, bearer(tokens.producer));
    expect(producer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await postGraphQL(subgraph.url, RECORD, { input: { ...input, id: 'x4' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await subgraph.orm.em.fork().count(ExpectedPayment, {})).toBe(2);
  });
});
