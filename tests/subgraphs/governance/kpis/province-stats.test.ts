import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';
import { governance } from '../../../../subgraphs/governance/index.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { postGraphQL } from '../../../helpers/graphql-client.js';

// The pilot's 2021 dossiers (DOMAIN.md section 1; tests/subgraphs/governance/kpis.test.ts).
const NAM_THUONG_2021 = { received: 1964, resolvedOnTime: 1541, resolvedOverdue: 2, online: 411 };
const LIEN_SON_2021 = { received: 2749, resolvedOnTime: 1318, resolvedOverdue: 2, online: 2140 };

/** The whole country with the pilot's records: province figures, and a province page's cost in SQL statements. */
describe('governance: province figures without N+1', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;

  beforeAll(async () => {
    env = await createTestEnvironment({ env: { HUB_UNITS: 'national' } });
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
  }, 180_000);
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  /**
   * Runs a query and counts the SQL statements the subgraph ran for it, at the driver: knex's `query`
   * event, which the ORM's statements and the raw ones (core/db/prepared-statements.ts) both raise.
   */
  async function counted<T>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; statements: number }> {
    const knex = (subgraph.orm.em.getConnection() as unknown as { getKnex(): { on(event: 'query', listener: () => void): void; off(event: 'query', listener: () => void): void } }).getKnex();
    let statements = 0;
    const listener = () => void statements++;
    knex.on('query', listener);
    try {
      const result = await postGraphQL<T>(subgraph.url, query, variables);
      expect(result.errors).toBeUndefined();
      return { data: result.data!, statements };
    } finally {
      knex.off('query', listener);
    }
  }

  it('sums a province over its communes, and with includePredecessors over the provinces merged into it (Phú Thọ 2021 counts Hòa Bình\'s communes)', async () => {
    const { data } = await counted<{
      merged: { alone: { received: number }; across: { provinceIds: string[]; received: number; online: number; onlineRate: number; resolvedOnTime: number; resolvedOverdue: number }; documents: { provinceIds: string[]; outgoing: number } };
      hoaBinh: { dossierStats: { received: number; target: { minimum: number } | null; targetMet: boolean | null } };
      other: { dossierStats: { received: number } };
    }>(`{
      merged: province(code: "25") {
        alone: dossierStats(year: 2021) { received }
        across: dossierStats(year: 2021, includePredecessors: true) { provinceIds received online onlineRate resolvedOnTime resolvedOverdue }
        documents: documentStats(year: 2021, includePredecessors: true) { provinceIds outgoing }
      }
      hoaBinh: province(code: "17", on: "2021-06-01") { dossierStats(year: 2021) { received target { minimum } targetMet } }
      other: province(code: "01", on: "2021-06-01") { dossierStats(year: 2021) { received } }
    }`);
    const received = NAM_THUONG_2021.received + LIEN_SON_2021.received;
    const online = NAM_THUONG_2021.online + LIEN_SON_2021.online;
    expect(data.merged.alone.received).toBe(0);
    expect(data.merged.across).toEqual({
      provinceIds: ['17/1', '25/1', '25/2', '26/1'],
      received,
      online,
      onlineRate: Math.round((online / received) * 1000) / 1000,
      resolvedOnTime: NAM_THUONG_2021.resolvedOnTime + LIEN_SON_2021.resolvedOnTime,
      resolvedOverdue: NAM_THUONG_2021.resolvedOverdue + LIEN_SON_2021.resolvedOverdue,
    });
    expect(data.merged.documents.provinceIds).toEqual(['17/1', '25/1', '25/2', '26/1']);
    expect(data.merged.documents.outgoing).toBeGreaterThan(0);
    // Hòa Bình's own 2021 target (online rate at least 0.5) applies to the province's sum.
    expect(data.hoaBinh.dossierStats).toEqual({ received, target: { minimum: 0.5 }, targetMet: online / received >= 0.5 });
    expect(data.other.dossierStats.received).toBe(0);
  });

  it('keeps the pilot figures per commune when read in a province page', async () => {
    const { data } = await counted<{ province: { communes: { edges: { node: { id: string; dossierStats: { received: number; online: number; onlineRate: number; stated: { stated: number }[] } } }[] } } }>(
      `{ province(code: "17", on: "2021-06-01") { communes(first: 100, search: "sơn") { edges { node { id dossierStats(year: 2021) { received online onlineRate stated { stated } } } } } } }`,
    );
    const lienSon = data.province.communes.edges.find((e) => e.node.id === '04969/1')!.node;
    expect(lienSon.dossierStats).toMatchObject({ received: LIEN_SON_2021.received, online: LIEN_SON_2021.online, onlineRate: 0.778 });
    const namThuong = await counted<{ commune: { dossierStats: { received: number; onlineRate: number; target: { minimum: number }; stated: { stated: number }[] } } }>(
      '{ commune(code: "05068", on: "2021-06-01") { dossierStats(year: 2021) { received onlineRate target { minimum } stated { stated } } } }',
    );
    expect(namThuong.data.commune.dossierStats).toMatchObject({ received: 1964, onlineRate: 0.209, target: { minimum: 0.5 }, stated: [{ stated: 0.267 }] });
  });

  it('costs the same number of SQL statements for a page of 10 communes with their figures as for a page of 100', async () => {
    const page = `query ($first: Int!) { province(code: "25") {
      dossierStats(year: 2021, includePredecessors: true) { received }
      communes(first: $first) { totalCount edges { node { id name
        dossierStats(year: 2021, includePredecessors: true) { received onlineRate target { minimum } targetMet stated { stated } }
        documentStats(year: 2021, includePredecessors: true) { outgoing signedRate stated { stated } }
      } } }
    } }`;
    const small = await counted<{ province: { communes: { edges: unknown[]; totalCount: number } } }>(page, { first: 10 });
    const large = await counted<{ province: { communes: { edges: { node: { id: string; dossierStats: { received: number } } }[]; totalCount: number } } }>(page, { first: 100 });
    expect(small.data.province.communes.edges).toHaveLength(10);
    expect(large.data.province.communes.edges).toHaveLength(100);
    expect(large.data.province.communes.totalCount).toBe(148);
    // Counted at all: the province's sum, the page's grouped dossier and document counts (one statement, union all), their targets.
    expect(small.statements).toBeGreaterThanOrEqual(3);
    expect(large.statements).toBe(small.statements);
    // A constant handful: the province, the page, its count and the lineages come from the registry in memory (no
    // statement); stated figures are not read with predecessors included.
    expect(large.statements).toBeLessThanOrEqual(5);
    const hopKim = large.data.province.communes.edges.find((e) => e.node.id === '05068/2');
    expect(hopKim?.node.dossierStats.received).toBe(NAM_THUONG_2021.received);
  });
});
