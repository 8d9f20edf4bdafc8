import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraph, type RunningSubgraph } from '../../../../core/subgraph-server.js';
import { governance } from '../../../../subgraphs/governance/index.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { postGraphQL } from '../../../helpers/graphql-client.js';

type Page = { totalCount: number; edges: { cursor: string; node: { id: string; code: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** The embedded default: the pilot's units, then the whole country loaded around them at first start. */
describe('governance: the whole country in the unit registry', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  const gql = async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => {
    const result = await postGraphQL<T>(subgraph.url, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  beforeAll(async () => {
    env = await createTestEnvironment({ env: { HUB_UNITS: 'national' } });
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
  }, 180_000);
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  /** Every commune of a province on a date, through the paged list. */
  async function allCommunes(provinceCode: string, on: string): Promise<{ id: string; code: string; name: string }[]> {
    const nodes: { id: string; code: string; name: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const data: { communesConnection: Page } = await gql(
        `query ($p: String, $on: Date, $after: String) { communesConnection(provinceCode: $p, on: $on, first: 100, after: $after) {
          totalCount edges { cursor node { id code name } } pageInfo { hasNextPage endCursor } } }`,
        { p: provinceCode, on, after },
      );
      nodes.push(...data.communesConnection.edges.map((e) => e.node));
      if (!data.communesConnection.pageInfo.hasNextPage) return nodes;
      after = data.communesConnection.pageInfo.endCursor;
    }
  }

  it('lists all 148 communes of the new Phú Thọ and all 151 of the old Hòa Bình for their dates', async () => {
    const phuTho = await allCommunes('25', '2025-07-01');
    expect(phuTho).toHaveLength(148);
    expect(new Set(phuTho.map((c) => c.id)).size).toBe(148);
    expect(phuTho.map((c) => c.id)).toEqual(expect.arrayContaining(['05068/2', '04960/2', '04924/2']));
    const hoaBinh = await allCommunes('17', '2021-01-01');
    expect(hoaBinh).toHaveLength(151);
    expect(hoaBinh.map((c) => c.id)).toEqual(expect.arrayContaining(['05068/1', '04969/1', '04957/1']));
    // The province's own paged list agrees; the old, deprecated list too.
    const province = await gql<{ province: { id: string; communes: { totalCount: number } } }>(
      '{ province(code: "17", on: "2021-01-01") { id communes(first: 1) { totalCount } } }',
    );
    expect(province.province).toEqual({ id: '17/1', communes: { totalCount: 151 } });
    const old = await gql<{ communes: { id: string }[] }>('{ communes(provinceCode: "25", on: "2025-07-01") { id } }');
    expect(old.communes).toHaveLength(148);
  });

  it('reads the lineage of the files: Phúc Xá → Hồng Hà, Cao Sơn split in two, Xuân La in four, Côn Đảo district → special zone', async () => {
    const commune = `query ($code: String!, $on: Date) { commune(code: $code, on: $on) {
      id name kind provinceName successor { id name } predecessorLinks { share commune { id name } } } }`;
    // 1. 00001 Phúc Xá (Hà Nội) became part of 00097 Hồng Hà, wholly.
    const phucXa = await gql<{ commune: { id: string; successor: { id: string; name: string } } }>(commune, { code: '00001', on: '2021-01-01' });
    expect(phucXa.commune).toMatchObject({ id: '00001/1', name: 'Phúc Xá', provinceName: 'Hà Nội', successor: { id: '00097/2', name: 'Hồng Hà' } });
    const hongHa = await gql<{ commune: { predecessorLinks: { share: string; commune: { id: string } }[] } }>(commune, { code: '00097', on: '2025-07-01' });
    expect(hongHa.commune.predecessorLinks).toContainEqual({ share: 'WHOLE', commune: { id: '00001/1', name: 'Phúc Xá' } });
    // 2. 04957 Cao Sơn was split between 04924 Lương Sơn and 04960 Liên Sơn.
    for (const code of ['04924', '04960']) {
      const successor = await gql<{ commune: { predecessorLinks: { share: string; commune: { id: string } }[] } }>(commune, { code, on: '2025-07-01' });
      expect(successor.commune.predecessorLinks).toContainEqual({ share: 'PART', commune: { id: '04957/1', name: 'Cao Sơn' } });
    }
    // 3. 00103 Xuân La (Tây Hồ) went in parts to 00091, 00103 Tây Hồ, 00160 and 00611.
    const xuanLa = await gql<{ commune: { id: string; name: string } }>('{ commune(code: "00103", on: "2024-01-01") { id name } }');
    expect(xuanLa.commune).toEqual({ id: '00103/1', name: 'Xuân La' });
    const parts = await Promise.all(
      ['00091', '00103', '00160', '00611'].map(async (code) =>
        (await gql<{ commune: { predecessorLinks: { share: string; commune: { id: string } }[] } }>(commune, { code, on: '2025-07-01' })).commune.predecessorLinks.find(
          (l) => l.commune.id === '00103/1',
        ),
      ),
    );
    expect(parts.map((p) => p?.share)).toEqual(['PART', 'PART', 'PART', 'PART']);
    // 4. The island district of Côn Đảo (Bà Rịa - Vũng Tàu) became the special zone 26732 of Hồ Chí Minh City.
    const conDao = await gql<{ commune: { kind: string; provinceName: string; predecessorLinks: { commune: { id: string } }[] } }>(commune, { code: '26732' });
    expect(conDao.commune).toMatchObject({ kind: 'SPECIAL_ZONE', name: 'Côn Đảo', provinceName: 'Hồ Chí Minh' });
    expect(conDao.commune.predecessorLinks.map((l) => l.commune.id)).toContain('755/1');
    // 5. Provinces: Phú Thọ merged from three; Hà Nội, which the reform left alone, is one unit throughout.
    const provinces = await gql<{ phuTho: { id: string; kind: string; predecessors: { id: string; name: string }[] }; before: { id: string }; now: { id: string; validTo: string | null } }>(
      `{ phuTho: province(code: "25") { id kind predecessors { id name } }
         before: province(code: "01", on: "2021-01-01") { id } now: province(code: "01") { id validTo } }`,
    );
    expect(provinces.phuTho).toEqual({
      id: '25/2',
      kind: 'PROVINCE',
      predecessors: [
        { id: '17/1', name: 'Hòa Bình' },
        { id: '25/1', name: 'Phú Thọ' },
        { id: '26/1', name: 'Vĩnh Phúc' },
      ],
    });
    expect(provinces.before.id).toBe('01/1');
    expect(provinces.now).toEqual({ id: '01/1', validTo: null });
  });

  it('lists 63 provinces before the reform and 34 after, each with its kind and successor', async () => {
    const data = await gql<{ before: { code: string; kind: string; successor: { id: string } | null }[]; after: { code: string }[] }>(
      '{ before: provinces(on: "2025-06-30") { code kind successor { id } } after: provinces(on: "2025-07-01") { code } }',
    );
    expect(data.before).toHaveLength(63);
    expect(data.after).toHaveLength(34);
    expect(data.before.find((p) => p.code === '01')).toEqual({ code: '01', kind: 'MUNICIPALITY', successor: null });
    expect(data.before.find((p) => p.code === '17')).toMatchObject({ kind: 'PROVINCE', successor: { id: '25/2' } });
  });

  it('searches communes ignoring diacritics and case, within a province or nationwide, and pages stably', async () => {
    const search = async (variables: Record<string, unknown>) =>
      (await gql<{ communesConnection: Page }>(
        'query ($p: String, $s: String, $on: Date, $first: Int, $after: String) { communesConnection(provinceCode: $p, search: $s, on: $on, first: $first, after: $after) { totalCount edges { cursor node { id code name } } pageInfo { hasNextPage endCursor } } }',
        variables,
      )).communesConnection;
    expect((await search({ p: '25', s: 'hop kim' })).edges.map((e) => e.node.id)).toEqual(['05068/2']);
    expect((await search({ s: 'PHUC XA', on: '2021-01-01' })).edges.map((e) => e.node.id)).toContain('00001/1');
    expect((await search({ p: '25', s: '0506' })).edges.map((e) => e.node.code)).toEqual(['05068']);
    const wide = await search({ s: 'son', on: '2025-07-01', first: 5 });
    expect(wide.totalCount).toBeGreaterThan(5);
    const next = await search({ s: 'son', on: '2025-07-01', first: 5, after: wide.pageInfo.endCursor });
    expect(next.edges[0]!.node.code > wide.edges[4]!.node.code).toBe(true);
    const province = await gql<{ province: { communes: Page } }>('{ province(code: "25") { communes(search: "liên sơn") { totalCount edges { node { id } } } } }');
    expect(province.province.communes.edges.map((e) => e.node.id)).toContain('04960/2');
  });

  it('keeps the pilot units as they were: ids, spelling, lineage and their count of 14 among the rest', async () => {
    const nam = await gql<{ commune: { id: string; provinceName: string; districtName: string; lineageIds: string[] } }>(
      '{ commune(code: "05068", on: "2021-06-01") { id provinceName districtName lineageIds } }',
    );
    // The national list spells the province "Hoà Bình": the pilot's "Hòa Bình" is the same name and stays.
    expect(nam.commune).toEqual({ id: '05068/1', provinceName: 'Hòa Bình', districtName: 'Kim Bôi', lineageIds: ['05068/1'] });
    const hopKim = await gql<{ commune: { lineageIds: string[] } }>('{ commune(code: "05068") { lineageIds } }');
    expect(hopKim.commune.lineageIds).toEqual(['05068/2', '05035/1', '05068/1', '05080/1']);
    const lienSon = await gql<{ commune: { lineageIds: string[] } }>('{ commune(code: "04960") { lineageIds } }');
    expect(lienSon.commune.lineageIds).toEqual(['04960/2', '04957/1', '04960/1', '04969/1']);
    // A second start changes nothing (the national files are recorded as loaded).
    const count = async (table: string) => Number((await subgraph.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);
    const units = await count('administrative_unit');
    const links = await count('unit_succession');
    expect(units).toBe(63 + 696 + 10_047 + 23 + 3_321);
    await governance.seedPilot!(subgraph.orm.em.fork(), env.config);
    expect(await count('administrative_unit')).toBe(units);
    expect(await count('unit_succession')).toBe(links);
  });
});
