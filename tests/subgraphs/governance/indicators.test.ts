import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSubgraphCommands } from '../../../core/subgraph.js';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { startSubgraph } from '../../helpers/gateway-signing.js';
import { governanceDefinition } from '../../../subgraphs/governance/definition.js';
import { governance } from '../../../subgraphs/governance/index.js';
import { runImport } from '../../../subgraphs/governance/imports/import-runner.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';

const HEADER = 'communeCode,year,indicator,value,periodFrom,periodTo,source,note';
const VALUES_2022 = `${HEADER}
05068,2022,POPULATION,3650,,,Báo cáo UBND xã 2022,
05068,2022,POOR_HOUSEHOLD_RATE,"11,8%",,,Báo cáo UBND xã 2022,
05068,2022,AVERAGE_INCOME_PER_PERSON,35000000,2022-01-01,2022-12-31,Báo cáo UBND xã 2022,ước tính
`;
const BAD_VALUES = `${HEADER}
05068,2022,POPULATION,3650.5,,,X,
05068,2022,POOR_HOUSEHOLD_RATE,118%,,,X,
05068,2022,HAPPINESS,1,,,X,
05068,2022,HOUSEHOLDS,900,2022-06-01,2021-12-31,X,
99999,2022,HOUSEHOLDS,900,,,X,
05068,2022,HOUSEHOLDS,900,,,X,
05068,2022,HOUSEHOLDS,901,,,X,
05068,2022,HOUSEHOLDS,900,,,,
`;

interface Value {
  indicator: string;
  year: number;
  value: number;
  unit: string;
  periodFrom: string;
  periodTo: string;
  source: string;
  note: string | null;
}

describe('governance socio-economic indicators: Commune.indicators and `hub import indicators`', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  const count = async () => Number((await subgraph.orm.em.fork().getConnection().execute('select count(*) as n from socio_economic_value'))[0].n);
  const indicators = async (id: string, year?: number) => {
    const response = await postGraphQL<{ communeById: { indicators: Value[] } }>(
      subgraph.url,
      `query ($id: ID!, $year: Int) { communeById(id: $id) { indicators(year: $year) { indicator year value unit periodFrom periodTo source note } } }`,
      { id, year },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.communeById.indicators;
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('seeds the pilot communes\' sample values, public, each with its unit, period and source', async () => {
    const nt = await indicators('05068/1', 2021);
    expect(nt).toHaveLength(9);
    expect(nt.find((v) => v.indicator === 'POPULATION')).toMatchObject({ value: 3604, unit: 'PERSONS', periodFrom: '2021-01-01', periodTo: '2021-12-01' });
    expect(nt.find((v) => v.indicator === 'POOR_HOUSEHOLD_RATE')).toMatchObject({ value: 0.134, unit: 'RATE' });
    expect(nt.find((v) => v.indicator === 'AVERAGE_INCOME_PER_PERSON')).toMatchObject({ value: 32_000_000, unit: 'VND_PER_PERSON_PER_YEAR' });
    expect(nt.every((v) => /giả định/i.test(v.source))).toBe(true);
    expect(await indicators('04969/1', 2021)).toHaveLength(9);
    expect(await indicators('05068/1', 2019)).toEqual([]);
  });

  it('imports values (a percentage with a decimal comma too), then re-imports them without change', async () => {
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'indicators', format: 'csv', text: VALUES_2022, source: 'ind.csv' })).toMatchObject({ rows: 3, created: 3, errors: [] });
    const values = await indicators('05068/1', 2022);
    expect(values.map((v) => [v.indicator, v.value, v.periodTo])).toEqual([
      ['AVERAGE_INCOME_PER_PERSON', 35_000_000, '2022-12-31'],
      ['POOR_HOUSEHOLD_RATE', 0.118, '2022-12-31'],
      ['POPULATION', 3650, '2022-12-31'],
    ]);
    expect((await indicators('05068/1')).length).toBe(12);
    const before = await count();
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'indicators', format: 'csv', text: VALUES_2022, source: 'ind.csv' })).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'indicators', format: 'csv', text: VALUES_2022.replace('3650', '3660'), source: 'ind.csv' })).toMatchObject({ updated: 1, unchanged: 2 });
    expect(await count()).toBe(before);
  });

  it('reports every bad row with its line and reason, and writes nothing', async () => {
    const before = await count();
    const report = await runImport(subgraph.orm.em.fork(), { kind: 'indicators', format: 'csv', text: BAD_VALUES, source: 'bad.csv' });
    expect(report.created + report.updated + report.unchanged).toBe(0);
    expect(report.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, expect.stringMatching(/POPULATION is counted in persons: value must be a whole number/)],
      [3, expect.stringMatching(/POOR_HOUSEHOLD_RATE is a rate: value must be from 0 to 1/)],
      [4, expect.stringMatching(/indicator "HAPPINESS" is not one of/)],
      [5, expect.stringMatching(/periodTo 2021-12-31 is not in 2022/)],
      [5, expect.stringMatching(/periodTo 2021-12-31 is before periodFrom 2022-06-01/)],
      [6, expect.stringMatching(/no commune bore code 99999 on 2022-12-31/)],
      [8, expect.stringMatching(/duplicate of line 7/)],
      [9, expect.stringMatching(/source is required/)],
    ]);
    expect(await count()).toBe(before);
  });

  it('runs as `hub import indicators <file>`', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hub-ind-')), 'ind-2023.csv');
    writeFileSync(file, VALUES_2022.replaceAll('2022', '2023'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const p = new Command().exitOverride();
      registerSubgraphCommands(p, governanceDefinition, () => env.config);
      await p.parseAsync(['node', 'hub', 'import', 'indicators', file]);
      expect(log).toHaveBeenLastCalledWith('ind-2023.csv: 3 indicator values read; 3 were created, 0 updated, 0 unchanged.');
    } finally {
      log.mockRestore();
    }
  });
});
