import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/db/database.js';
import { Examination } from '../../../subgraphs/society/health/examination.entity.js';
import { HealthHistoryEntry } from '../../../subgraphs/society/health/health-history-entry.entity.js';
import { HealthRecord } from '../../../subgraphs/society/health/health-record.entity.js';
import { Vaccination } from '../../../subgraphs/society/health/vaccination.entity.js';
import { society } from '../../../subgraphs/society/index.js';
import { generateHealthRecords } from '../../../subgraphs/society/seed/health-records-generator.js';
import { PILOT_HEALTH_RECORDS } from '../../../subgraphs/society/seed/pilot-health.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';

describe('society: the pilot seed', () => {
  let env: TestEnvironment;
  let orm: MikroORM;
  const counts = async () => {
    const em = orm.em.fork();
    return Promise.all([HealthRecord, HealthHistoryEntry, Vaccination, Examination].map((entity) => em.count(entity, {})));
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    orm = await openDatabase(society.database, env.target('society'));
  });
  afterAll(async () => {
    await orm?.close(true);
    await env?.cleanup();
  });

  it('writes one record per assumed Nam Thượng resident, and a second run changes nothing', async () => {
    await society.seedPilot!(orm.em.fork(), env.config);
    const after = await counts();
    expect(after[0]).toBe(3604);
    expect(after.every((n) => n > 0)).toBe(true);
    await society.seedPilot!(orm.em.fork(), env.config);
    expect(await counts()).toEqual(after);
  });

  it('is deterministic: the same records every time', () => {
    const a = generateHealthRecords(PILOT_HEALTH_RECORDS[0]);
    const b = generateHealthRecords(PILOT_HEALTH_RECORDS[0]);
    expect(b.records.slice(0, 50)).toEqual(a.records.slice(0, 50));
    expect(b.vaccinations.length).toBe(a.vaccinations.length);
    expect(a.records.every((r) => r.citizenId === null && r.phone === null && r.healthInsuranceNumber === null)).toBe(true);
  });

  it('never overwrites what the station changed, and restores a deleted seeded record', async () => {
    const em = orm.em.fork();
    const [first, second] = await em.find(HealthRecord, { communeId: '05068/1' }, { orderBy: { recordNumber: 'asc' }, limit: 2 });
    await em.nativeUpdate(HealthRecord, { id: first.id }, { village: 'Xóm Mới' });
    await em.nativeDelete(Examination, { recordId: second.id });
    await em.nativeDelete(HealthRecord, { id: second.id });
    await society.seedPilot!(orm.em.fork(), env.config);
    const check = orm.em.fork();
    expect((await check.findOneOrFail(HealthRecord, { id: first.id })).village).toBe('Xóm Mới');
    expect(await check.count(HealthRecord, { id: second.id })).toBe(1);
    expect(await check.count(Examination, { recordId: second.id })).toBe(1);
  });
});
