import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../../subgraphs/shared/roles.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { ReconciliationOutcome } from '../../../../subgraphs/commerce/reconciliation/outcomes.js';
import { reconcileStatement } from '../../../../subgraphs/commerce/reconciliation/reconcile.command.js';
import { ReconciliationItem } from '../../../../subgraphs/commerce/reconciliation/reconciliation-item.entity.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { reconciliationOnly, VIETTEL_HEADER, writeFile } from './fixtures.js';

const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);
const pad = (n: number) => String(n).padStart(2, '0');

interface Page {
  reconciliationOpenItems: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { ageDays: number; bucket: string; item: { id: string } } }[];
  };
}
const LIST = `query ($after: String, $bucket: String) { reconciliationOpenItems(asOf: "2026-12-15", first: 40, after: $after, bucket: $bucket) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { ageDays bucket item { id } } } } }`;

describe.each(DIALECTS)('the aged open-item list on %s, paged by the database', (dialect) => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let finance: string;
  const list = (variables: Record<string, unknown>) => postGraphQL<Page>(subgraph.url, LIST, variables, bearer(finance));

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    subgraph = await startSubgraph(reconciliationOnly, { config: env.config, port: 0, host: '127.0.0.1', target: env.target('commerce') });
    finance = await signHubToken(env.config, { subject: 'ke-toan-1', roles: [Role.FINANCE] });
    // November: 90 payments nobody expected (one every 8 hours, several at the same instant so the
    // id breaks ties) and 20 expected payments never paid; 10 paid ones that match and are not open.
    let body = '';
    let line = 0;
    const expected = [];
    for (let n = 0; n < 90; n++) {
      const day = 1 + Math.floor(n / 3);
      const hour = n % 3 === 2 ? 8 : 8 * (n % 3);
      body += `${++line},U${n},ZZ-${n},${pad(day)}/11/2026 ${pad(hour)}:30:00,10.000,0,VND,Thành công,Thanh toán,,\n`;
    }
    for (let n = 0; n < 30; n++) {
      const at = new Date(`2026-11-${pad(1 + n)}T06:00:00+07:00`);
      expected.push({ id: `e${n}`, provider: 'viettel-money', reference: `DH-${n}`, amountVnd: 50_000, expectedAt: at, payer: null, producerId: 'p1' });
      if (n >= 20) body += `${++line},P${n},DH-${n},${pad(1 + n)}/11/2026 06:10:00,50.000,0,VND,Thành công,Thanh toán,,\n`;
    }
    await subgraph.orm.em.fork().insertMany(ExpectedPayment, expected);
    const file = writeFile(env.dataDir, 'november.csv', VIETTEL_HEADER + body);
    const { run } = await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file, period: '2026-11', importedBy: 'test' });
    expect(run).toMatchObject({ missingInLedgerCount: 90, missingInStatementCount: 20, matchedCount: 10 });
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('pages through more open items than a page, oldest due first then by id, each once', async () => {
    const seen: { id: number; bucket: string; ageDays: number }[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Awaited<ReturnType<typeof list>> = await list({ after });
      expect(page.errors).toBeUndefined();
      const connection = page.data!.reconciliationOpenItems;
      expect(connection.totalCount).toBe(110);
      seen.push(...connection.edges.map((e) => ({ id: Number(e.node.item.id), bucket: e.node.bucket, ageDays: e.node.ageDays })));
      pages++;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(110);
    // The order the list promises, worked out here from the stored items.
    const open = await subgraph.orm.em.fork().find(ReconciliationItem, { outcome: { $ne: ReconciliationOutcome.MATCHED } });
    const since = (i: ReconciliationItem) => (i.expectedAt ?? i.paidAt)!.getTime();
    const want = open.sort((a, b) => since(a) - since(b) || a.id - b.id).map((i) => i.id);
    expect(seen.map((s) => s.id)).toEqual(want);
    expect(seen[0]).toMatchObject({ ageDays: 44, bucket: '31-90' });
    expect(seen.at(-1)).toMatchObject({ ageDays: 15, bucket: '8-30' });
  });

  it('one bucket filtered by the database agrees with the aging report, across pages', async () => {
    const aging = await postGraphQL<{ reconciliationAging: { buckets: { label: string; count: number }[] } }>(
      subgraph.url,
      '{ reconciliationAging(asOf: "2026-12-15") { buckets { label count } } }',
      {},
      bearer(finance),
    );
    const counts = Object.fromEntries(aging.data!.reconciliationAging.buckets.map((b) => [b.label, b.count]));
    expect(counts['8-30'] + counts['31-90']).toBe(110);
    for (const bucket of ['8-30', '31-90']) {
      const ids: number[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Awaited<ReturnType<typeof list>> = await list({ after, bucket });
        const connection = page.data!.reconciliationOpenItems;
        expect(connection.totalCount).toBe(counts[bucket]);
        for (const e of connection.edges) {
          expect(e.node.bucket).toBe(bucket);
          ids.push(Number(e.node.item.id));
        }
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(new Set(ids).size).toBe(counts[bucket]);
    }
  });

  it('refuses a forged cursor with a clear error', async () => {
    const forged = Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url');
    const page = await list({ after: forged });
    expect(page.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
