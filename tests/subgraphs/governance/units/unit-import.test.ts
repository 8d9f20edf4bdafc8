import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSubgraphCommands } from '../../../../core/subgraph.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';
import { governanceDefinition } from '../../../../subgraphs/governance/definition.js';
import { governance } from '../../../../subgraphs/governance/index.js';
import { findReformFiles } from '../../../../subgraphs/governance/units/unit-files.js';
import { importUnits } from '../../../../subgraphs/governance/units/unit-import.command.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { postGraphQL } from '../../../helpers/graphql-client.js';

// A small country of the same shape as the national lists: two provinces, three communes.
const BEFORE = `level,code,name,kind,district_code,province_code
province,90,Thử,Tỉnh,,
province,91,Mẫu,Thành phố,,
district,901,Một,Huyện,,90
district,911,Hai,Quận,,91
commune,90001,Một,Xã,901,90
commune,90002,Hai,Thị trấn,901,90
commune,91001,Ba,Phường,911,91
`;
const FROM = `level,code,name,kind,province_code
province,90,Thử,Tỉnh,
province,91,Mẫu,Thành phố,
commune,90002,Hai Mới,Xã,90
commune,90005,Năm,Xã,90
commune,91001,Ba,Phường,91
`;
const SUCCESSIONS = `level,old_code,new_code,share
province,90,90,whole
province,91,91,whole
commune,90001,90002,whole
commune,90002,90002,part
commune,90002,90005,part
commune,91001,91001,whole
`;

describe('hub import units: reform files into the registry', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let root: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    root = mkdtempSync(path.join(tmpdir(), 'units-'));
    // No pilot data: the reforms here describe a small country of their own, and a list from a reform is the whole country.
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: false, target: env.target('governance') });
  }, 180_000);
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  function reformDir(name: string, files: Record<string, string>): string {
    const real = mkdtempSync(path.join(root, `${name}-`));
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(real, file), file.endsWith('.gz') ? gzipSync(text) : text);
    return real;
  }
  const count = async (table: string) => Number((await subgraph.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);
  const gql = async <T>(query: string) => {
    const result = await postGraphQL<T>(subgraph.url, query);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  it('loads a reform, then a re-import changes nothing and a corrected row updates its unit', async () => {
    const dir = reformDir('first', {
      'units-before-2025-07-01.csv': BEFORE,
      'units-from-2025-07-01.csv.gz': FROM,
      'successions-2025-07-01.csv': SUCCESSIONS,
    });
    const first = await importUnits(subgraph.orm.em.fork(), findReformFiles(dir));
    expect(first.errors).toEqual([]);
    // 7 units before; the two provinces continue (same name, kind, nothing else merged in); 3 new communes.
    expect(first.reforms).toEqual([
      { effectiveOn: '2025-07-01', units: { created: 10, updated: 0, unchanged: 0 }, successions: { created: 4, updated: 0, unchanged: 0, removed: 0 } },
    ]);
    const again = await importUnits(subgraph.orm.em.fork(), findReformFiles(dir));
    expect(again.reforms[0]).toMatchObject({ units: { created: 0, updated: 0, unchanged: 10 }, successions: { created: 0, updated: 0, unchanged: 4, removed: 0 } });

    const data = await gql<{ old: { id: string; successor: { id: string } }; part: { predecessorLinks: { share: string; commune: { id: string } }[] }; province: { id: string; validTo: string | null; kind: string } }>(
      `{ old: commune(code: "90002", on: "2025-06-30") { id successor { id } }
         part: commune(code: "90005", on: "2025-07-01") { predecessorLinks { share commune { id } } }
         province: province(code: "91", on: "2020-01-01") { id validTo kind } }`,
    );
    expect(data.old).toEqual({ id: '90002/1', successor: { id: '90002/2' } });
    expect(data.part.predecessorLinks).toEqual([{ share: 'PART', commune: { id: '90002/1' } }]);
    expect(data.province).toEqual({ id: '91/1', validTo: null, kind: 'MUNICIPALITY' });

    const corrected = reformDir('corrected', {
      'units-before-2025-07-01.csv': BEFORE,
      'units-from-2025-07-01.csv': FROM.replace('90005,Năm,', '90005,Năm Căn,'),
      'successions-2025-07-01.csv': SUCCESSIONS.replace('commune,90001,90002,whole', 'commune,90001,90002,part\ncommune,90001,90005,part'),
    });
    const fixed = await importUnits(subgraph.orm.em.fork(), findReformFiles(corrected));
    expect(fixed.reforms[0]).toMatchObject({ units: { created: 0, updated: 1, unchanged: 9 }, successions: { created: 1, updated: 1, unchanged: 3, removed: 0 } });
    expect((await gql<{ commune: { name: string } }>('{ commune(code: "90005") { name } }')).commune.name).toBe('Năm Căn');
    // Dropping a row that was wrong removes its link.
    const dropped = reformDir('dropped', {
      'units-before-2025-07-01.csv': BEFORE,
      'units-from-2025-07-01.csv': FROM.replace('90005,Năm,', '90005,Năm Căn,'),
      'successions-2025-07-01.csv': SUCCESSIONS,
    });
    expect((await importUnits(subgraph.orm.em.fork(), findReformFiles(dropped))).reforms[0]!.successions).toMatchObject({ removed: 1, updated: 1 });
  });

  it('applies a later reform given only the new list and its successions: merged units are new, unchanged ones continue', async () => {
    const dir = reformDir('later', {
      'units-from-2027-01-01.csv': `level,code,name,kind,province_code
province,90,Thử,Tỉnh,
province,91,Mẫu,Thành phố,
commune,90002,Hai Năm,Xã,90
commune,91001,Ba,Phường,91
`,
      'successions-2027-01-01.csv': `level,old_code,new_code,share
province,90,90,whole
province,91,91,whole
commune,90002,90002,whole
commune,90005,90002,whole
commune,91001,91001,whole
`,
    });
    const report = await importUnits(subgraph.orm.em.fork(), findReformFiles(dir));
    expect(report.errors).toEqual([]);
    const data = await gql<{ merged: { id: string; lineageIds: string[] }; same: { id: string; validFrom: string; validTo: string | null } }>(
      `{ merged: commune(code: "90002", on: "2027-01-01") { id lineageIds } same: commune(code: "91001", on: "2027-06-01") { id validFrom validTo } }`,
    );
    expect(data.merged).toEqual({ id: '90002/3', lineageIds: ['90002/3', '90001/1', '90002/1', '90002/2', '90005/1'] });
    expect(data.same).toEqual({ id: '91001/2', validFrom: '2025-07-01', validTo: null });
  });

  it('reports every bad line with its file and line number, and writes nothing', async () => {
    const before = await count('administrative_unit');
    const links = await count('unit_succession');
    const dir = reformDir('bad', {
      'units-before-2030-01-01.csv': `level,code,name,kind,district_code,province_code
province,92,Xấu,Tỉnh,,
district,921,Quận,Huyện,,93
commune,9200,Thiếu số,Xã,921,92
commune,92001,Sai loại,Làng,921,92
commune,92002,Đúng,Xã,921,92
commune,92002,Đúng lần hai,Xã,921,92
`,
      'units-from-2030-01-01.csv': `level,code,name,kind,province_code
province,92,Xấu,Tỉnh,
commune,92005,Mồ côi,Xã,92
`,
      'successions-2030-01-01.csv': `level,old_code,new_code,share
province,92,92,whole
`,
    });
    const report = await importUnits(subgraph.orm.em.fork(), findReformFiles(dir));
    expect(report.errors.map((e) => e.message)).toEqual([
      'units-before-2030-01-01.csv:3: province 93 is not in this file',
      'units-before-2030-01-01.csv:4: code of a commune must be 5 digits, got "9200"',
      'units-before-2030-01-01.csv:5: kind of a commune must be one of Xã, Phường, Thị trấn, Đặc khu, got "Làng"',
      'units-before-2030-01-01.csv:6: district 921 belongs to province 93, not 92',
      'units-before-2030-01-01.csv:7: commune 92002 is listed twice (also on line 6)',
    ]);
    const orphan = reformDir('orphan', {
      'units-from-2030-01-01.csv': 'level,code,name,kind,province_code\nprovince,90,Thử,Tỉnh,\ncommune,90077,Mồ côi,Xã,90\n',
      'successions-2030-01-01.csv': 'level,old_code,new_code,share\nprovince,90,90,whole\ncommune,90002,90009,whole\ncommune,90002,90077,most\n',
    });
    expect((await importUnits(subgraph.orm.em.fork(), findReformFiles(orphan))).errors.map((e) => e.message)).toEqual([
      'successions-2030-01-01.csv:3: commune 90009 is not in units-from-2030-01-01.csv',
      'successions-2030-01-01.csv:4: share must be whole or part, got "most"',
    ]);
    const header = reformDir('header', { 'units-from-2030-01-01.csv': 'level,code,name\n', 'successions-2030-01-01.csv': 'level,old_code,new_code,share\n' });
    expect((await importUnits(subgraph.orm.em.fork(), findReformFiles(header))).errors[0]!.message).toMatch(
      /units-from-2030-01-01\.csv:1: the header must be "level,code,name,kind,province_code"; missing kind, province_code/,
    );
    expect(() => findReformFiles(reformDir('incomplete', { 'units-from-2030-01-01.csv': FROM }))).toThrow(/lacks successions-2030-01-01\.csv/);
    expect(await count('administrative_unit')).toBe(before);
    expect(await count('unit_succession')).toBe(links);
  });

  it('runs as `hub import units <dir>`, with --dry-run writing nothing', async () => {
    const dir = reformDir('cli', { 'units-before-2025-07-01.csv': BEFORE, 'units-from-2025-07-01.csv': FROM, 'successions-2025-07-01.csv': SUCCESSIONS });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const program = () => {
        const p = new Command().exitOverride();
        registerSubgraphCommands(p, governanceDefinition, () => env.config);
        return p;
      };
      await program().parseAsync(['node', 'hub', 'import', 'units', dir, '--dry-run']);
      expect(String(log.mock.calls.at(-1)?.[0])).toMatch(/^reform of 2025-07-01: units 0 would be created, \d+ updated, \d+ unchanged; successions/);
      await program().parseAsync(['node', 'hub', 'import', 'units', path.join(root, 'missing')]);
      expect(String(error.mock.calls.at(-1)?.[0])).toMatch(/missing: no such directory/);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = 0;
      log.mockRestore();
      error.mockRestore();
    }
  });
});
