import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { startSubgraph } from '../../helpers/gateway-signing.js';
import { governance } from '../../../subgraphs/governance/index.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';

describe('governance: the administrative-unit registry', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  const COMMUNE = `query ($code: String!, $on: Date) {
    commune(code: $code, on: $on) {
      id code name kind provinceCode provinceName districtName validFrom validTo
      successor { id name } predecessors { id code name }
    }
  }`;

  it('reads a reused code at the date asked: 05068 is Nam Thượng in 2021 and Hợp Kim today', async () => {
    const past = await postGraphQL(subgraph.url, COMMUNE, { code: '05068', on: '2021-06-01' });
    expect(past.errors).toBeUndefined();
    expect(past.data?.commune).toMatchObject({
      id: '05068/1',
      name: 'Nam Thượng',
      kind: 'COMMUNE',
      provinceCode: '17',
      provinceName: 'Hòa Bình',
      districtName: 'Kim Bôi',
      validTo: '2025-06-30',
      successor: { id: '05068/2', name: 'Hợp Kim' },
      predecessors: [],
    });
    const today = await postGraphQL(subgraph.url, COMMUNE, { code: '05068' });
    expect(today.data?.commune).toMatchObject({
      id: '05068/2',
      name: 'Hợp Kim',
      provinceCode: '25',
      provinceName: 'Phú Thọ',
      districtName: null,
      validFrom: '2025-07-01',
      successor: null,
      predecessors: [
        { id: '05035/1', name: 'Kim Lập' },
        { id: '05068/1', name: 'Nam Thượng' },
        { id: '05080/1', name: 'Sào Báy' },
      ],
    });
  });

  it('keeps the last day of the old unit and the first of the new apart', async () => {
    const lastDay = await postGraphQL(subgraph.url, COMMUNE, { code: '05068', on: '2025-06-30' });
    const firstDay = await postGraphQL(subgraph.url, COMMUNE, { code: '05068', on: '2025-07-01' });
    expect((lastDay.data?.commune as { name: string }).name).toBe('Nam Thượng');
    expect((firstDay.data?.commune as { name: string }).name).toBe('Hợp Kim');
  });

  it('knows that the new Liên Sơn took Cư Yên\'s code, not the old Liên Sơn\'s', async () => {
    const old = await postGraphQL(subgraph.url, COMMUNE, { code: '04969', on: '2021-01-01' });
    expect(old.data?.commune).toMatchObject({ name: 'Liên Sơn', districtName: 'Lương Sơn', successor: { id: '04960/2' } });
    expect((await postGraphQL(subgraph.url, COMMUNE, { code: '04969' })).data?.commune).toBeNull();
    const merged = await postGraphQL(subgraph.url, COMMUNE, { code: '04960' });
    expect(merged.data?.commune).toMatchObject({ id: '04960/2', name: 'Liên Sơn' });
    expect((merged.data?.commune as { predecessors: { name: string }[] }).predecessors.map((p) => p.name)).toEqual(['Cao Sơn', 'Cư Yên', 'Liên Sơn']);
  });

  it('gives each unit its lineage: itself and every unit merged into it', async () => {
    const lineage = async (code: string, on?: string) =>
      ((await postGraphQL(subgraph.url, 'query ($code: String!, $on: Date) { commune(code: $code, on: $on) { lineageIds } }', { code, on })).data
        ?.commune as { lineageIds: string[] }).lineageIds;
    expect(await lineage('05068')).toEqual(['05068/2', '05035/1', '05068/1', '05080/1']);
    expect(await lineage('05068', '2021-06-01')).toEqual(['05068/1']);
    expect(await lineage('04960')).toEqual(['04960/2', '04957/1', '04960/1', '04969/1']);
  });

  it('returns null for an unknown code and BAD_USER_INPUT for a malformed one', async () => {
    expect((await postGraphQL(subgraph.url, COMMUNE, { code: '99999' })).data?.commune).toBeNull();
    const bad = await postGraphQL(subgraph.url, COMMUNE, { code: '5068' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const badDate = await postGraphQL(subgraph.url, COMMUNE, { code: '05068', on: '2021-02-30' });
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists the communes of a province as of a date', async () => {
    const list = async (provinceCode: string, on?: string) =>
      ((await postGraphQL(subgraph.url, `query ($p: String, $on: Date) { communes(provinceCode: $p, on: $on) { id } }`, { p: provinceCode, on })).data
        ?.communes as { id: string }[]).map((c) => c.id);
    expect(await list('17', '2021-06-01')).toEqual(['04957/1', '04960/1', '04969/1', '05035/1', '05068/1', '05080/1']);
    expect(await list('25')).toEqual(['04960/2', '05068/2']);
    expect(await list('17')).toEqual([]);
  });

  it('seeds idempotently: a second seed changes nothing', async () => {
    const count = async (table: string) =>
      Number((await subgraph.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);
    expect(await count('administrative_unit')).toBe(14);
    expect(await count('unit_succession')).toBe(9);
    await governance.seedPilot!(subgraph.orm.em.fork(), env.config);
    expect(await count('administrative_unit')).toBe(14);
    expect(await count('unit_succession')).toBe(9);
  });
});
