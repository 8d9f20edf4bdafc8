import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
import { samplesDirectory } from '../../../subgraphs/governance/pilot/pilot-samples.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';

const HEADER = 'communeCode,year,kind,month,flow,chapterCode,sectionCode,itemCode,subItemCode,amountVnd,description,source';
const BUDGET_2022 = `${HEADER}
05068,2022,ESTIMATE,,REVENUE,805,,1600,,50000000,Thuế sử dụng đất phi nông nghiệp,Dự toán 2022
05068,2022,ESTIMATE,,EXPENDITURE,805,341,6000,,2000000000,Tiền lương,Dự toán 2022
05068,2022,EXECUTION,1,REVENUE,805,,1600,,10000000,,Báo cáo tháng 1
05068,2022,EXECUTION,1,EXPENDITURE,805,341,6000,6001,150000000,Lương ngạch bậc,Báo cáo tháng 1
05068,2022,EXECUTION,3,EXPENDITURE,805,341,6000,6001,170000000,Lương ngạch bậc,Báo cáo tháng 3
`;

const BAD_BUDGET = `${HEADER}
05068,2022,ESTIMATE,3,REVENUE,805,,1600,,50000000,,X
05068,2022,EXECUTION,13,REVENUE,805,,1600,,1000,,X
05068,2022,EXECUTION,2,REVENUE,805,,6000,,1000,,X
05068,2022,EXECUTION,2,EXPENDITURE,805,341,6000,6100,1000,,X
05068,2022,EXECUTION,2,EXPENDITURE,80,341,6000,,1.500,,X
99999,2022,ESTIMATE,,REVENUE,805,,1600,,1,,X
05068,2022,ESTIMATE,,REVENUE,805,,1600,,50000000,,X
05068,2022,ESTIMATE,,REVENUE,805,,1600,,60000000,,X
05068,2022,PLAN,,REVENUE,805,,1600,,1,,X
`;

interface Budget {
  year: number;
  communeIds: string[];
  revenue: { estimateVnd: number; actualVnd: number; executionRate: number | null };
  expenditure: { estimateVnd: number; actualVnd: number; executionRate: number | null };
  lastMonthReported: number | null;
  months: { month: number; revenueVnd: number; expenditureVnd: number; revenueCumulativeVnd: number; expenditureCumulativeVnd: number }[];
  items: { flow: string; chapterCode: string; sectionCode: string | null; itemCode: string; estimateVnd: number; actualVnd: number; executionRate: number | null }[];
}

describe('governance budget: Commune.budget(year) and `hub import budget`', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let dir: string;
  const count = async () => Number((await subgraph.orm.em.fork().getConnection().execute('select count(*) as n from budget_line'))[0].n);
  const budget = async (id: string, year: number, includePredecessors = false) => {
    const response = await postGraphQL<{ communeById: { budget: Budget | null } }>(
      subgraph.url,
      `query ($id: ID!, $year: Int!, $inc: Boolean!) { communeById(id: $id) { budget(year: $year, includePredecessors: $inc) {
        year communeIds lastMonthReported
        revenue { estimateVnd actualVnd executionRate } expenditure { estimateVnd actualVnd executionRate }
        months { month revenueVnd expenditureVnd revenueCumulativeVnd expenditureCumulativeVnd }
        items { flow chapterCode sectionCode itemCode estimateVnd actualVnd executionRate }
      } } }`,
      { id, year, inc: includePredecessors },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.communeById.budget;
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
    dir = mkdtempSync(path.join(tmpdir(), 'hub-budget-'));
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('seeds the pilot communes from the sample files: totals are the sums of their rows', async () => {
    const rows = readFileSync(path.join(samplesDirectory(), 'budget-05068-nam-thuong-2021.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const sum = (kind: string, flow: string) => rows.filter((r) => r[2] === kind && r[4] === flow).reduce((t, r) => t + Number(r[9]), 0);
    const nt = (await budget('05068/1', 2021))!;
    expect(nt.revenue).toEqual({
      estimateVnd: sum('ESTIMATE', 'REVENUE'),
      actualVnd: sum('EXECUTION', 'REVENUE'),
      executionRate: Math.round((sum('EXECUTION', 'REVENUE') / sum('ESTIMATE', 'REVENUE')) * 1000) / 1000,
    });
    expect(nt.expenditure.estimateVnd).toBe(sum('ESTIMATE', 'EXPENDITURE'));
    expect(nt.expenditure.actualVnd).toBe(sum('EXECUTION', 'EXPENDITURE'));
    expect(nt.months).toHaveLength(12);
    expect(nt.months[11].revenueCumulativeVnd).toBe(nt.revenue.actualVnd);
    expect(nt.months[11].expenditureCumulativeVnd).toBe(nt.expenditure.actualVnd);
    expect(nt.lastMonthReported).toBe(12);
    expect(nt.items.find((i) => i.itemCode === '6000')).toMatchObject({ flow: 'EXPENDITURE', chapterCode: '805', sectionCode: '341', estimateVnd: 2_400_000_000 });
    expect(nt.items.find((i) => i.itemCode === '1600')?.sectionCode).toBeNull();
    expect(await budget('04969/1', 2021)).not.toBeNull();
    // Nothing recorded for 2020: null, not zeros.
    expect(await budget('05068/1', 2020)).toBeNull();
    // Hợp Kim reports Nam Thượng's budget across the 2025 reform.
    const hk = (await budget('05068/2', 2021, true))!;
    expect(hk.communeIds).toContain('05068/1');
    expect(hk.revenue.actualVnd).toBe(nt.revenue.actualVnd);
  });

  it('imports a budget CSV: estimate vs monthly execution, sub-items summed into their item; re-importing changes nothing', async () => {
    const first = await runImport(subgraph.orm.em.fork(), { kind: 'budget', format: 'csv', text: BUDGET_2022, source: 'budget.csv' });
    expect(first).toMatchObject({ rows: 5, created: 5, updated: 0, unchanged: 0, errors: [] });
    const b = (await budget('05068/1', 2022))!;
    expect(b.revenue).toEqual({ estimateVnd: 50_000_000, actualVnd: 10_000_000, executionRate: 0.2 });
    expect(b.expenditure).toEqual({ estimateVnd: 2_000_000_000, actualVnd: 320_000_000, executionRate: 0.16 });
    expect(b.lastMonthReported).toBe(3);
    expect(b.months.slice(0, 3)).toEqual([
      { month: 1, revenueVnd: 10_000_000, expenditureVnd: 150_000_000, revenueCumulativeVnd: 10_000_000, expenditureCumulativeVnd: 150_000_000 },
      { month: 2, revenueVnd: 0, expenditureVnd: 0, revenueCumulativeVnd: 10_000_000, expenditureCumulativeVnd: 150_000_000 },
      { month: 3, revenueVnd: 0, expenditureVnd: 170_000_000, revenueCumulativeVnd: 10_000_000, expenditureCumulativeVnd: 320_000_000 },
    ]);
    expect(b.items.filter((i) => i.flow === 'EXPENDITURE')).toEqual([
      { flow: 'EXPENDITURE', chapterCode: '805', sectionCode: '341', itemCode: '6000', estimateVnd: 2_000_000_000, actualVnd: 320_000_000, executionRate: 0.16 },
    ]);
    const before = await count();
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'budget', format: 'csv', text: BUDGET_2022, source: 'budget.csv' })).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(await count()).toBe(before);
    // The treasury corrected March: a re-import updates that one row.
    const corrected = BUDGET_2022.replace('170000000', '175000000');
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'budget', format: 'csv', text: corrected, source: 'budget.csv' })).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    expect((await budget('05068/1', 2022))!.expenditure.actualVnd).toBe(325_000_000);
  });

  it('reports every bad row with its line and reason, and writes nothing', async () => {
    const before = await count();
    const report = await runImport(subgraph.orm.em.fork(), { kind: 'budget', format: 'csv', text: BAD_BUDGET, source: 'bad-budget.csv' });
    expect(report.created + report.updated + report.unchanged).toBe(0);
    expect(report.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, expect.stringMatching(/an ESTIMATE is for the whole year: leave month empty/)],
      [3, expect.stringMatching(/month must be 1 to 12, got 13/)],
      [4, expect.stringMatching(/itemCode 6000 is not a revenue item: revenue items \(mục\) are 1000–4999/)],
      [5, expect.stringMatching(/subItemCode 6100 is not under item 6000/)],
      [6, expect.stringMatching(/amountVnd must be a whole number of đồng .* got "1.500"/)],
      [6, expect.stringMatching(/chapterCode \(chương\) must be 3 digits, got "80"/)],
      [7, expect.stringMatching(/no commune bore code 99999 on 2022-01-01/)],
      [9, expect.stringMatching(/duplicate of line 8/)],
      [10, expect.stringMatching(/kind "PLAN" is not one of ESTIMATE, EXECUTION/)],
    ]);
    expect(report.errors[0].message).toMatch(/^bad-budget\.csv:2: /);
    expect(await count()).toBe(before);
  });

  it('reads JSON too, and a file that is not CSV or JSON is refused with its line', async () => {
    const json = JSON.stringify([{ communeId: '04969/1', year: 2023, kind: 'estimate', flow: 'revenue', chapterCode: '805', itemCode: '4900', amountVnd: 1000, source: 'X' }], null, 2);
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'budget', format: 'json', text: json, source: 'b.json' })).toMatchObject({ created: 1, errors: [] });
    const broken = await runImport(subgraph.orm.em.fork(), { kind: 'budget', format: 'csv', text: `${HEADER}\n05068,2022,"ESTIMATE\n`, source: 'broken.csv' });
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0].reason).toMatch(/not valid CSV/);
    const missing = await runImport(subgraph.orm.em.fork(), { kind: 'budget', format: 'csv', text: 'communeCode,year\n05068,2022\n', source: 'm.csv' });
    expect(missing.errors.map((e) => e.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/kind is required/), expect.stringMatching(/amountVnd is required/)]));
  });

  it('runs as `hub import budget <file>`; --dry-run writes nothing; a bad file exits 1', async () => {
    const file = path.join(dir, 'b2024.csv');
    writeFileSync(file, BUDGET_2022.replaceAll(',2022,', ',2024,'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const program = () => {
        const p = new Command().exitOverride();
        registerSubgraphCommands(p, governanceDefinition, () => env.config);
        return p;
      };
      const before = await count();
      await program().parseAsync(['node', 'hub', 'import', 'budget', file, '--dry-run']);
      expect(log).toHaveBeenLastCalledWith('b2024.csv: 5 budget rows read; 5 would be created, 0 updated, 0 unchanged.');
      expect(await count()).toBe(before);
      await program().parseAsync(['node', 'hub', 'import', 'budget', file]);
      expect(await count()).toBe(before + 5);
      const badFile = path.join(dir, 'bad.csv');
      writeFileSync(badFile, BAD_BUDGET);
      await program().parseAsync(['node', 'hub', 'import', 'budget', badFile]);
      expect(String(error.mock.calls.at(-1)?.[0])).toMatch(/^bad\.csv:2: [^]*bad\.csv: 9 problem\(s\) in 9 row\(s\); nothing was imported/);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = 0;
      log.mockRestore();
      error.mockRestore();
    }
  });
});
