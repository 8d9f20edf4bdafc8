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

const DOSSIERS_CSV = `communeCode,code,procedureCode,procedureName,procedureField,channel,onlineLevel,receivedAt,dueAt,completedAt,status,applicantName,applicantIdNumber
05068,IMP-0001,1.001193,Đăng ký khai sinh,Hộ tịch,ONLINE,FULL,2023-03-01T08:00:00+07:00,2023-03-02T17:00:00+07:00,2023-03-02T09:00:00+07:00,RESOLVED,Bùi Văn A,017090000011
05068,IMP-0002,2.000815,Chứng thực bản sao từ bản chính,Chứng thực,DIRECT,,2023-03-01 09:00,2023-03-01 17:00,,PROCESSING,Bùi Thị B,
05068,IMP-0003,1.000894,Đăng ký kết hôn,Hộ tịch,POSTAL,,2023-04-01T08:00:00+07:00,2023-04-04T17:00:00+07:00,2023-04-06T08:00:00+07:00,RESOLVED,"Quách Văn C, Quách Thị D",
`;

const BAD_DOSSIERS_CSV = `communeCode,code,procedureCode,procedureName,procedureField,channel,onlineLevel,receivedAt,dueAt,completedAt,status,applicantName
05068,BAD-0001,1.001193,Đăng ký khai sinh,Hộ tịch,DIRECT,,2023-03-01T08:00:00+07:00,2023-03-02T17:00:00+07:00,2023-03-02T09:00:00+07:00,RESOLVED,Bùi Văn A
05068,BAD-0002,1.001193,Đăng ký khai sinh,Hộ tịch,DIRECT,,2023-03-05T08:00:00+07:00,2023-03-06T17:00:00+07:00,2023-03-04T09:00:00+07:00,RESOLVED,Bùi Văn E
99999,BAD-0003,1.001193,Đăng ký khai sinh,Hộ tịch,DIRECT,,2023-03-05T08:00:00+07:00,2023-03-06T17:00:00+07:00,,RECEIVED,Bùi Văn F
05068,BAD-0001,1.001193,Đăng ký khai sinh,Hộ tịch,DIRECT,,2023-03-01T08:00:00+07:00,2023-03-02T17:00:00+07:00,,RECEIVED,Bùi Văn A
05068,BAD-0005,1.001193,Đăng ký khai sinh,Hộ tịch,ONLINE,LEVEL_3,2023-03-05T08:00:00+07:00,2023-03-06T17:00:00+07:00,,SENT,Bùi Văn G
`;

const DOCUMENTS_JSON = JSON.stringify(
  [
    {
      direction: 'OUTGOING',
      communeCode: '04969',
      number: 901,
      symbol: 'QĐ-UBND',
      documentType: 'DECISION',
      issuedOn: '2021-06-01',
      issuingBody: 'UBND xã Liên Sơn',
      subject: 'Quyết định ban hành quy chế làm việc',
      signerName: 'Trần Văn Cường',
      signerPosition: 'Chủ tịch',
      recipients: ['UBND huyện Lương Sơn', 'Lưu: VT'],
      electronic: true,
      signedAt: '2021-06-01T15:00:00+07:00',
      certificateSerial: 'abc123',
      certificateIssuer: 'Ban Cơ yếu Chính phủ',
      orgSignedAt: '2021-06-01T15:10:00+07:00',
      orgCertificateSerial: 'def456',
      orgCertificateIssuer: 'Ban Cơ yếu Chính phủ',
    },
    {
      direction: 'INCOMING',
      communeId: '04969/1',
      number: 7077,
      symbol: 'STTTT-CĐS',
      documentType: 'OFFICIAL_LETTER',
      issuedOn: '2021-06-01',
      issuingBody: 'Sở Thông tin và Truyền thông tỉnh Hòa Bình',
      subject: 'V/v khảo sát hạ tầng số',
      arrivalNumber: 9001,
      arrivedOn: '2021-06-02',
      electronic: 'true',
    },
  ],
  null,
  2,
);

describe('governance imports: validated, all-or-nothing, idempotent', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let dir: string;
  const count = async (table: string) => Number((await subgraph.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);
  const stats = async (id: string, year: number) =>
    (
      await postGraphQL<{ communeById: { dossierStats: Record<string, number>; documentStats: Record<string, number> } }>(
        subgraph.url,
        `query ($id: ID!, $year: Int!) { communeById(id: $id) {
          dossierStats(year: $year) { received resolvedOnTime resolvedOverdue online }
          documentStats(year: $year) { incoming outgoing outgoingSigned }
        } }`,
        { id, year },
      )
    ).data!.communeById;

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
    dir = mkdtempSync(path.join(tmpdir(), 'hub-import-'));
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('imports a one-stop CSV export, then re-imports it without changing anything', async () => {
    const before = await count('dossier');
    const first = await runImport(subgraph.orm.em.fork(), { kind: 'dossiers', format: 'csv', text: DOSSIERS_CSV, source: 'dossiers.csv' });
    expect(first).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(await count('dossier')).toBe(before + 3);
    // 05068 in 2023 is Nam Thượng (05068/1): the code is read at the dossier's date.
    expect((await stats('05068/1', 2023)).dossierStats).toEqual({ received: 3, resolvedOnTime: 1, resolvedOverdue: 1, online: 1 });
    const again = await runImport(subgraph.orm.em.fork(), { kind: 'dossiers', format: 'csv', text: DOSSIERS_CSV, source: 'dossiers.csv' });
    expect(again).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, errors: [] });
    expect(await count('dossier')).toBe(before + 3);
    // The source system moved IMP-0002 on: a re-import updates that one row.
    const moved = DOSSIERS_CSV.replace('2023-03-01 17:00,,PROCESSING', '2023-03-01 17:00,2023-03-01 16:00,RESOLVED');
    const third = await runImport(subgraph.orm.em.fork(), { kind: 'dossiers', format: 'csv', text: moved, source: 'dossiers.csv' });
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect((await stats('05068/1', 2023)).dossierStats.resolvedOnTime).toBe(2);
  });

  it('reports every bad row with its line and reason, and writes nothing', async () => {
    const before = await count('dossier');
    const report = await runImport(subgraph.orm.em.fork(), { kind: 'dossiers', format: 'csv', text: BAD_DOSSIERS_CSV, source: 'bad.csv' });
    expect(report.created + report.updated).toBe(0);
    const lines = report.errors.map((e) => [e.line, e.reason]);
    expect(lines).toEqual([
      [3, expect.stringMatching(/completedAt .* is before receivedAt/)],
      [4, expect.stringMatching(/no commune bore code 99999 on 2023-03-05/)],
      [5, expect.stringMatching(/duplicate of line 2/)],
      [6, expect.stringMatching(/status "SENT" is not one of/)],
    ]);
    expect(report.errors[0].message).toMatch(/^bad\.csv:3: /);
    expect(await count('dossier')).toBe(before);
  });

  it('imports documents from JSON with their signatures; the KPIs count them; a re-import changes nothing', async () => {
    const before = await stats('04969/1', 2021);
    const report = await runImport(subgraph.orm.em.fork(), { kind: 'documents', format: 'json', text: DOCUMENTS_JSON, source: 'docs.json' });
    expect(report).toMatchObject({ rows: 2, created: 2, errors: [] });
    const after = await stats('04969/1', 2021);
    expect(after.documentStats).toEqual({
      incoming: before.documentStats.incoming + 1,
      outgoing: before.documentStats.outgoing + 1,
      outgoingSigned: before.documentStats.outgoingSigned + 1,
    });
    const signatures = await count('document_signature');
    const again = await runImport(subgraph.orm.em.fork(), { kind: 'documents', format: 'json', text: DOCUMENTS_JSON, source: 'docs.json' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await count('document_signature')).toBe(signatures);
  });

  it('imports documents from CSV: recipients separated by ";", the signer\'s signature in its columns', async () => {
    const csv = `direction,communeCode,number,symbol,documentType,issuedOn,issuingBody,subject,signerName,signerPosition,recipients,signedAt,certificateSerial,certificateIssuer
OUTGOING,05068,950,KH-UBND,plan,2021-09-01,UBND xã Nam Thượng,Kế hoạch chuyển đổi số năm 2022,Nguyễn Văn An,Chủ tịch,UBND huyện Kim Bôi; Lưu: VT,2021-09-01 15:00,0A1B,Ban Cơ yếu Chính phủ
OUTGOING,05068,951,TB-UBND,NOTICE,2021-09-02,UBND xã Nam Thượng,Thông báo lịch tiếp dân,Nguyễn Văn An,Chủ tịch,,,,
`;
    const before = await stats('05068/1', 2021);
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'documents', format: 'csv', text: csv, source: 'docs.csv' })).toMatchObject({ created: 2, errors: [] });
    const after = await stats('05068/1', 2021);
    expect(after.documentStats.outgoing - before.documentStats.outgoing).toBe(2);
    expect(after.documentStats.outgoingSigned - before.documentStats.outgoingSigned).toBe(1);
    const [row] = await subgraph.orm.em.fork().getConnection().execute(`select recipients from document where number = 950 and symbol = 'KH-UBND'`);
    expect(row.recipients).toBe('UBND huyện Kim Bôi\nLưu: VT');
  });

  it('gives JSON errors the line where the bad record starts, and refuses a taken arrival number', async () => {
    const records = JSON.parse(DOCUMENTS_JSON) as Record<string, unknown>[];
    const bad = JSON.stringify(
      [
        { ...records[1], number: 7078, arrivalNumber: 1 },
        { ...records[0], number: 902, issuedOn: '2021-02-30' },
        { ...records[1], number: 7079, arrivalNumber: 9100, direction: 'INCOMING', signedAt: '2021-06-01T15:00:00+07:00', certificateSerial: 'x', certificateIssuer: 'y' },
      ],
      null,
      2,
    );
    const before = await count('document');
    const report = await runImport(subgraph.orm.em.fork(), { kind: 'documents', format: 'json', text: bad, source: 'bad.json' });
    const lineOf = (n: number) => bad.split('\n').findIndex((l, i, all) => l.trim() === '{' && all.slice(0, i + 1).filter((x) => x.trim() === '{').length === n) + 1;
    expect([...new Set(report.errors.map((e) => e.line))]).toEqual([lineOf(1), lineOf(2), lineOf(3)]);
    expect(report.errors[0].reason).toMatch(/arrival number 1 of 2021 is already used/);
    expect(report.errors[1].reason).toMatch(/issuedOn must be a date/);
    expect(report.errors.filter((e) => e.line === lineOf(3)).map((e) => e.reason)).toContainEqual(expect.stringMatching(/only an outgoing electronic document carries digital signatures/));
    expect(await count('document')).toBe(before);
  });

  it('imports figures a report stated, shown beside the computed rates; bad ones are refused by line', async () => {
    const csv = `communeId,year,indicator,value,source,note
04969/1,2021,ON_TIME_RATE,99.8%,Báo cáo UBND huyện Lương Sơn 2021,
04969/1,2021,ONLINE_RATE,0.80,Báo cáo UBND huyện Lương Sơn 2021,rounded up
`;
    const report = await runImport(subgraph.orm.em.fork(), { kind: 'figures', format: 'csv', text: csv, source: 'figures.csv' });
    expect(report).toMatchObject({ rows: 2, created: 2, errors: [] });
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'figures', format: 'csv', text: csv, source: 'figures.csv' })).toMatchObject({ created: 0, unchanged: 2 });
    const response = await postGraphQL<{ communeById: { dossierStats: { stated: unknown[] } } }>(
      subgraph.url,
      `{ communeById(id: "04969/1") { dossierStats(year: 2021) { stated { indicator stated computed difference consistent source } } } }`,
    );
    expect(response.data?.communeById.dossierStats.stated).toEqual(
      expect.arrayContaining([
        { indicator: 'ON_TIME_RATE', stated: 0.998, computed: 0.998, difference: 0, consistent: true, source: 'Báo cáo UBND huyện Lương Sơn 2021' },
        { indicator: 'ONLINE_RATE', stated: 0.8, computed: 0.778, difference: -0.022, consistent: false, source: 'Báo cáo UBND huyện Lương Sơn 2021' },
        expect.objectContaining({ indicator: 'ONLINE_RATE', stated: 0.778, consistent: true }),
      ]),
    );
    const bad = await runImport(subgraph.orm.em.fork(), {
      kind: 'figures',
      format: 'csv',
      text: 'communeCode,year,indicator,value,source\n04969,2021,ONLINE_RATE,126%,X\n04969,2030,ONLINE_RATE,0.5,X\n',
      source: 'bad-figures.csv',
    });
    expect(bad.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, expect.stringMatching(/value must be a rate/)],
      [3, expect.stringMatching(/no commune bore code 04969 on 2030-12-31/)],
    ]);
  });

  it('imports targets: a commune\'s own target overrides its province\'s', async () => {
    const csv = `provinceCode,communeCode,year,indicator,minimum,source
,05068,2021,ONLINE_RATE,20%,Kế hoạch UBND xã Nam Thượng 2021
17,,2020,ONLINE_RATE,0.3,Kế hoạch UBND tỉnh Hòa Bình 2020
`;
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'targets', format: 'csv', text: csv, source: 'targets.csv' })).toMatchObject({ created: 2, errors: [] });
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'targets', format: 'csv', text: csv, source: 'targets.csv' })).toMatchObject({ created: 0, unchanged: 2 });
    const response = await postGraphQL<{ nt: Record<string, { target: unknown; targetMet: boolean }>; ls: Record<string, { target: unknown; targetMet: boolean }> }>(
      subgraph.url,
      `{ nt: communeById(id: "05068/1") { y2021: dossierStats(year: 2021) { target { scope minimum unitId } targetMet } }
         ls: communeById(id: "04969/1") { y2020: dossierStats(year: 2020) { target { scope minimum unitId } targetMet } } }`,
    );
    expect(response.data?.nt.y2021).toEqual({ target: { scope: 'COMMUNE', minimum: 0.2, unitId: '05068/1' }, targetMet: true });
    expect(response.data?.ls.y2020).toEqual({ target: { scope: 'PROVINCE', minimum: 0.3, unitId: '17/1' }, targetMet: false });
    const bad = await runImport(subgraph.orm.em.fork(), {
      kind: 'targets',
      format: 'csv',
      text: 'provinceCode,communeCode,year,indicator,minimum,source\n17,05068,2021,ONLINE_RATE,0.5,X\n',
      source: 't.csv',
    });
    expect(bad.errors.map((e) => e.reason)).toEqual([expect.stringMatching(/exactly one of provinceCode, communeCode or unitId/)]);
  });

  it('runs as `hub import dossiers <file>` and `--dry-run` writes nothing', async () => {
    const file = path.join(dir, 'more.csv');
    writeFileSync(file, DOSSIERS_CSV.replaceAll('IMP-', 'CLI-'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const program = () => {
        const p = new Command().exitOverride();
        registerSubgraphCommands(p, governanceDefinition, () => env.config);
        return p;
      };
      const before = await count('dossier');
      await program().parseAsync(['node', 'hub', 'import', 'dossiers', file, '--dry-run']);
      expect(log).toHaveBeenLastCalledWith('more.csv: 3 dossiers read; 3 would be created, 0 updated, 0 unchanged.');
      expect(await count('dossier')).toBe(before);
      await program().parseAsync(['node', 'hub', 'import', 'dossiers', file]);
      expect(log).toHaveBeenLastCalledWith('more.csv: 3 dossiers read; 3 were created, 0 updated, 0 unchanged.');
      expect(await count('dossier')).toBe(before + 3);

      const badFile = path.join(dir, 'bad.csv');
      writeFileSync(badFile, BAD_DOSSIERS_CSV);
      await program().parseAsync(['node', 'hub', 'import', 'dossiers', badFile]);
      expect(String(error.mock.calls.at(-1)?.[0])).toMatch(/bad\.csv:3: .*\n.*\n.*\n.*\nbad\.csv: 4 problem\(s\) in 5 row\(s\); nothing was imported/);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = 0;
      log.mockRestore();
      error.mockRestore();
    }
  });
});
