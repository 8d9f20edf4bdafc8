import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { startSubgraph } from '../../helpers/gateway-signing.js';
import { governance } from '../../../subgraphs/governance/index.js';
import { runImport } from '../../../subgraphs/governance/imports/import-runner.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';

describe('governance: DossierStats.months, the year\'s dossiers by month of reception', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  const stats = async (id: string, year: number) =>
    (
      await postGraphQL<{ communeById: { dossierStats: { received: number; online: number; months: { month: number; received: number; online: number }[] } } }>(
        subgraph.url,
        `query ($id: ID!, $year: Int!) { communeById(id: $id) { dossierStats(year: $year) { received online months { month received online } } } }`,
        { id, year },
      )
    ).data!.communeById.dossierStats;

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('the twelve months sum to the year\'s received and online dossiers (Nam Thượng 2021: 1,964 and 411)', async () => {
    const s = await stats('05068/1', 2021);
    expect(s.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s.months.reduce((t, m) => t + m.received, 0)).toBe(1964);
    expect(s.months.reduce((t, m) => t + m.online, 0)).toBe(411);
  });

  it('a month is the Vietnamese calendar month: 1 February 00:10 in Vietnam (31 January 17:10 UTC) counts in February', async () => {
    const csv = `communeId,code,procedureCode,procedureName,procedureField,channel,onlineLevel,receivedAt,dueAt,completedAt,status,applicantName
05068/1,MON-1,1.001193,Đăng ký khai sinh,Hộ tịch,ONLINE,PARTIAL,2024-01-31T23:30:00+07:00,2024-02-05T17:00:00+07:00,,RECEIVED,Bùi Văn A
05068/1,MON-2,1.001193,Đăng ký khai sinh,Hộ tịch,DIRECT,,2024-02-01T00:10:00+07:00,2024-02-05T17:00:00+07:00,,RECEIVED,Bùi Văn B
`;
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'dossiers', format: 'csv', text: csv, source: 'm.csv' })).toMatchObject({ errors: [] });
    const s = await stats('05068/1', 2024);
    expect(s.months.slice(0, 3)).toEqual([
      { month: 1, received: 1, online: 1 },
      { month: 2, received: 1, online: 0 },
      { month: 3, received: 0, online: 0 },
    ]);
  });
});
