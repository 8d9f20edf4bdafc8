import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../subgraphs/shared/roles.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { startSubgraph } from '../../helpers/gateway-signing.js';
import { governance } from '../../../subgraphs/governance/index.js';
import { runImport } from '../../../subgraphs/governance/imports/import-runner.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';

/** The same migrations, seed, raw aggregate SQL and keyset lists on PostgreSQL (timestamptz, boolean, schema-qualified tables). */
describe.skipIf(!TEST_DATABASE_URL)('governance on PostgreSQL: migrations, pilot seed, KPIs, lists, writes', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let officer: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: true });
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
    officer = bearer(await signHubToken(env.config, { subject: 'officer-nt', roles: [Role.OFFICER], communeCodes: ['05068'] }));
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  const count = async (table: string) => Number((await subgraph.orm.em.fork().getConnection().execute(`select count(*) as n from governance.${table}`))[0].n);

  it('seeds the pilot and reproduces its figures', async () => {
    const response = await postGraphQL<{ nt: Record<string, Record<string, unknown>>; ls: Record<string, Record<string, unknown>> }>(
      subgraph.url,
      `{ nt: communeById(id: "05068/1") {
           documentStats(year: 2021) { incoming outgoingElectronic outgoingSigned signedRate stated { stated computed } }
           dossierStats(year: 2021) { received resolvedOnTime resolvedOverdue online onlineRate targetMet stated { stated computed difference } } }
         ls: communeById(id: "04969/1") { dossierStats(year: 2021) { received online onlineRate targetMet } documentStats(year: 2020) { outgoingSigned signedRate } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.nt.documentStats).toEqual({ incoming: 1978, outgoingElectronic: 622, outgoingSigned: 610, signedRate: 0.981, stated: [{ stated: 0.995, computed: 0.981 }] });
    expect(response.data?.nt.dossierStats).toEqual({
      received: 1964,
      resolvedOnTime: 1541,
      resolvedOverdue: 2,
      online: 411,
      onlineRate: 0.209,
      targetMet: false,
      stated: [{ stated: 0.267, computed: 0.209, difference: -0.058 }],
    });
    expect(response.data?.ls).toEqual({ dossierStats: { received: 2749, online: 2140, onlineRate: 0.778, targetMet: true }, documentStats: { outgoingSigned: 972, signedRate: 0.996 } });
  });

  it('answers commune(code) { dossierStats } with 2 statements, its counts and its targets (as on SQLite, units/statement-count.test.ts)', async () => {
    const statements: string[] = [];
    const knex = (subgraph.orm.em.getConnection() as unknown as { getKnex(): { on(event: 'query', listener: (query: { sql: string }) => void): void; off(event: 'query', listener: (query: { sql: string }) => void): void } }).getKnex();
    const listener = (query: { sql: string }) => statements.push(query.sql);
    const query = 'query CommuneStats($code: String!, $year: Int!) { commune(code: $code, on: "2021-06-01") { dossierStats(year: $year) { received online onlineRate targetMet } } }';
    await postGraphQL(subgraph.url, query, { code: '05068', year: 2021 });
    knex.on('query', listener);
    try {
      const response = await postGraphQL(subgraph.url, query, { code: '05068', year: 2021 });
      expect(response.data).toEqual({ commune: { dossierStats: { received: 1964, online: 411, onlineRate: 0.209, targetMet: false } } });
    } finally {
      knex.off('query', listener);
    }
    expect(statements).toHaveLength(2);
    expect(statements.join('\n')).toMatch(/dossier_month_summary[\s\S]*kpi_target|kpi_target[\s\S]*dossier_month_summary/);
  });

  it('seeds idempotently', async () => {
    const before = [await count('document'), await count('document_signature'), await count('dossier'), await count('stated_figure')];
    await governance.seedPilot!(subgraph.orm.em.fork(), env.config);
    expect([await count('document'), await count('document_signature'), await count('dossier'), await count('stated_figure')]).toEqual(before);
    expect(before).toEqual([1147 + 1978 + 622 + 2045 + 976 + 3177 + 2015, 2 * (610 + 972 + 2015), 2529 + 1964 + 2690 + 2749, 6]);
  });

  it('pages and filters lists, and writes through mutations and imports', async () => {
    const list = await postGraphQL<{ communeById: { documents: { totalCount: number; edges: { node: { signed: boolean } }[] }; dossiers: { totalCount: number } } }>(
      subgraph.url,
      `{ communeById(id: "05068/1") {
          documents(filter: { direction: OUTGOING, year: 2021, signed: false }, first: 5) { totalCount edges { node { signed } } }
          dossiers(filter: { channel: ONLINE, receivedFrom: "2021-01-01", receivedTo: "2021-12-31" }, first: 1) { totalCount }
      } }`,
      {},
      officer,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data?.communeById.documents.totalCount).toBe(12);
    expect(list.data?.communeById.documents.edges.every((e) => !e.node.signed)).toBe(true);
    expect(list.data?.communeById.dossiers.totalCount).toBe(411);

    // Keyset pages: timestamptz cursors (dossiers) and date cursors (documents) round-trip on PostgreSQL.
    const walk = async (field: 'dossiers' | 'documents', filter: string, total: number) => {
      const ids = new Set<string>();
      let after: string | null = null;
      for (;;) {
        const page: { data?: { communeById: Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] }> } | null } =
          await postGraphQL(
            subgraph.url,
            `query ($after: String) { communeById(id: "05068/1") { ${field}(filter: ${filter}, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } } }`,
            { after },
            officer,
          );
        const connection = page.data!.communeById[field];
        connection.edges.forEach((e) => ids.add(e.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(ids.size).toBe(total);
    };
    await walk('dossiers', '{ channel: ONLINE, receivedFrom: "2021-01-01", receivedTo: "2021-12-31" }', 411);
    await walk('documents', '{ direction: OUTGOING, year: 2021 }', 622);

    const issued = await postGraphQL<{ issueOutgoingDocument: { document: { number: number } } }>(
      subgraph.url,
      `mutation { issueOutgoingDocument(input: { communeId: "05068/1", symbol: "TB-UBND", documentType: NOTICE, issuedOn: "2021-12-31",
        issuingBody: "UBND xã Nam Thượng", subject: "Thông báo nghỉ Tết", signerName: "Nguyễn Văn An", signerPosition: "Chủ tịch" }) { document { number } } }`,
      {},
      officer,
    );
    expect(issued.errors).toBeUndefined();
    expect(issued.data?.issueOutgoingDocument.document.number).toBe(623);

    const csv = `communeCode,code,procedureCode,procedureName,procedureField,channel,onlineLevel,receivedAt,dueAt,completedAt,status,applicantName
05068,PG-1,1.001193,Đăng ký khai sinh,Hộ tịch,ONLINE,PARTIAL,2023-03-01T08:00:00+07:00,2023-03-02T17:00:00+07:00,2023-03-02T09:00:00+07:00,RESOLVED,Bùi Văn A`;
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'dossiers', format: 'csv', text: csv, source: 'pg.csv' })).toMatchObject({ created: 1 });
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'dossiers', format: 'csv', text: csv, source: 'pg.csv' })).toMatchObject({ created: 0, unchanged: 1 });
  });
});
