import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../core/db/database.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { governance } from '../../../../subgraphs/governance/index.js';
import type { ReformFiles } from '../../../../subgraphs/governance/units/unit-files.js';
import { importUnits } from '../../../../subgraphs/governance/units/unit-import.command.js';
import { forgetUnitSnapshot, REGISTRY_CHECK_MS, unitSnapshot } from '../../../../subgraphs/governance/units/unit-snapshot.store.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';

// A small country of the national lists' shape: one province, two communes merged into one.
const BEFORE = `level,code,name,kind,district_code,province_code
province,90,Thử,Tỉnh,,
district,901,Một,Huyện,,90
commune,90001,Một,Xã,901,90
commune,90002,Hai,Xã,901,90
`;
const from = (name: string) => `level,code,name,kind,province_code
province,90,Thử,Tỉnh,
commune,90002,${name},Xã,90
`;
const SUCCESSIONS = `level,old_code,new_code,share
province,90,90,whole
commune,90001,90002,whole
commune,90002,90002,whole
`;

function reform(fromText: string): ReformFiles {
  const files = { before: BEFORE, from: fromText, successions: SUCCESSIONS };
  return {
    effectiveOn: '2025-07-01',
    before: { name: 'units-before-2025-07-01.csv', text: files.before },
    from: { name: 'units-from-2025-07-01.csv', text: files.from },
    successions: { name: 'successions-2025-07-01.csv', text: files.successions },
    checksum: createHash('sha256').update(Object.values(files).join('\0')).digest('hex'),
  };
}

describe.each([
  ['sqlite', false],
  ['postgresql', true],
] as const)('governance: the unit registry snapshot on %s', (_dialect, postgres) => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  /** Another process on the same database, as `hub import units` run beside a serving hub. */
  let other: MikroORM;
  const statements: string[] = [];

  beforeAll(async () => {
    if (postgres && !TEST_DATABASE_URL) return;
    env = await createTestEnvironment({ postgres });
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: false, background: false, target: env.target('governance') });
    other = await openDatabase(governance.database, env.target('governance'));
    const knex = (subgraph.orm.em.getConnection() as unknown as { getKnex(): { on(event: 'query', listener: (query: { sql: string }) => void): void } }).getKnex();
    knex.on('query', (query) => statements.push(query.sql));
  }, 180_000);
  afterAll(async () => {
    await other?.close(true);
    await subgraph?.close();
    await env?.cleanup();
  });

  const versionReads = () => statements.filter((sql) => sql.includes('unit_registry_version')).length;

  /**
   * Starts a check as a read past the interval would, and waits until it and anything it started are
   * done: a read starts a check only when none is running, so a version read that comes after the
   * first one is a second check, begun after the first (and any reload it made) finished. Each poll
   * asks again, because a read made while the first check still runs (a slow machine) starts nothing.
   */
  async function checkNow(em: Parameters<typeof unitSnapshot>[0]): Promise<void> {
    const before = versionReads();
    await unitSnapshot(em, Date.now() + 2 * REGISTRY_CHECK_MS);
    await expect.poll(versionReads, { timeout: 60_000 }).toBeGreaterThan(before);
    const started = versionReads();
    await expect
      .poll(
        async () => {
          await unitSnapshot(em, Date.now() + 2 * REGISTRY_CHECK_MS);
          return versionReads();
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(started);
  }

  it.skipIf(postgres && !TEST_DATABASE_URL)('reloads the rows only after an import changed the registry, in this process or another; a check alone reads one row', async () => {
    expect((await importUnits(other.em.fork(), [reform(from('Hai Mới'))])).errors).toEqual([]);
    const em = subgraph.orm.em.fork();
    forgetUnitSnapshot(em);
    const first = await unitSnapshot(em);
    expect(first.byCode.get('COMMUNE:90002')?.find((u) => u.validFrom === '2025-07-01')?.name).toBe('Hai Mới');
    expect(first.bySuccessor.get(first.byCode.get('COMMUNE:90002')!.find((u) => u.validFrom === '2025-07-01')!.id)?.length).toBe(2);
    // Within the interval: served from memory, no statement at all.
    statements.length = 0;
    expect(await unitSnapshot(em)).toBe(first);
    expect(statements).toEqual([]);

    // Past the interval with nothing changed: the version is read, the rows are not, the snapshot is kept.
    await checkNow(em);
    expect(await unitSnapshot(em)).toBe(first);
    expect(statements.filter((sql) => /administrative_unit|unit_succession/.test(sql))).toEqual([]);

    // Re-importing the same files changes nothing: still no reload.
    expect((await importUnits(other.em.fork(), [reform(from('Hai Mới'))])).reforms[0]?.units.updated).toBe(0);
    await checkNow(em);
    expect(await unitSnapshot(em)).toBe(first);

    // A corrected row imported by the other process: the next check reloads, and the snapshot shows it.
    expect((await importUnits(other.em.fork(), [reform(from('Hai Hợp'))])).reforms[0]?.units.updated).toBe(1);
    expect(await unitSnapshot(em)).toBe(first);
    statements.length = 0;
    await checkNow(em);
    const reloaded = await unitSnapshot(em);
    expect(reloaded).not.toBe(first);
    expect(reloaded.byCode.get('COMMUNE:90002')?.find((u) => u.validFrom === '2025-07-01')?.name).toBe('Hai Hợp');
    expect(statements.filter((sql) => sql.includes('administrative_unit')).length).toBe(1);

    // An import in this process shows at once (it forgets the snapshot).
    expect((await importUnits(subgraph.orm.em.fork(), [reform(from('Hai'))])).errors).toEqual([]);
    expect((await unitSnapshot(em)).byCode.get('COMMUNE:90002')?.find((u) => u.validFrom === '2025-07-01')?.name).toBe('Hai');
  });

  it.skipIf(postgres && !TEST_DATABASE_URL)('holds plain rows: dates as yyyy-mm-dd, communes and provinces ordered by code then id', async () => {
    const em = subgraph.orm.em.fork();
    const snapshot = await unitSnapshot(em);
    const old = snapshot.byCode.get('COMMUNE:90001')![0]!;
    expect(old).toEqual({
      id: '90001/1',
      code: '90001',
      level: 'COMMUNE',
      kind: 'COMMUNE',
      name: 'Một',
      nameSearch: 'mot',
      kindName: 'Xã',
      provinceId: '90/1',
      districtId: '901/1',
      validFrom: null,
      validTo: '2025-06-30',
      legalBasis: null,
    });
    expect(snapshot.communes.map((u) => u.id)).toEqual(['90001/1', '90002/1', '90002/2']);
    expect(snapshot.provinces.map((u) => u.id)).toEqual(['90/1']);
  });
});
