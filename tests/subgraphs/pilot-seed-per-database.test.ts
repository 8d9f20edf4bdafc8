/**
 * The pilot seeds build fresh entities for each database: an entity instance persisted once stays
 * managed by its ORM, so a second database seeded in the same process (tests on SQLite, then
 * PostgreSQL; a bench next to the hub) silently got no rows.
 */
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/database.js';
import { VillageConnectivity } from '../../subgraphs/devices/connectivity/village-connectivity.entity.js';
import { devices } from '../../subgraphs/devices/index.js';
import { VideoRoom } from '../../subgraphs/devices/video/video-room.entity.js';
import { PostalPoint } from '../../subgraphs/society/postal/postal-point.entity.js';
import { society } from '../../subgraphs/society/index.js';
import { TrainingSession } from '../../subgraphs/society/training/training-session.entity.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';

describe('pilot seeds, two databases in one process', () => {
  const envs: TestEnvironment[] = [];
  const orms: MikroORM[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const env = await createTestEnvironment();
      envs.push(env);
      orms.push(await openDatabase(society.database, env.target('society')), await openDatabase(devices.database, env.target('devices')));
    }
  });
  afterAll(async () => {
    await Promise.all(orms.map((orm) => orm.close(true)));
    await Promise.all(envs.map((env) => env.cleanup()));
  });

  it('writes the same society and devices pilot rows into each', async () => {
    const counts = [];
    for (let i = 0; i < 2; i++) {
      const [societyOrm, devicesOrm] = [orms[2 * i], orms[2 * i + 1]];
      await society.seedPilot!(societyOrm.em.fork(), envs[i].config);
      await devices.seedPilot!(devicesOrm.em.fork(), envs[i].config);
      const s = societyOrm.em.fork();
      const d = devicesOrm.em.fork();
      counts.push([await s.count(PostalPoint, {}), await s.count(TrainingSession, {}), await d.count(VillageConnectivity, {}), await d.count(VideoRoom, {})]);
    }
    expect(counts[0]).toEqual([2, 3, 16, 2]);
    expect(counts[1]).toEqual(counts[0]);
  });
});
