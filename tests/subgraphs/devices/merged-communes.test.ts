import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const QUERY = `query ($code: String!, $on: Date) {
  commune(code: $code, on: $on) {
    name
    radioClusters { village status }
    deviceStats { radioClusters radioClustersPlanned loudspeakers }
  }
}`;

interface Answer {
  commune: { name: string; radioClusters: { village: string }[]; deviceStats: { radioClusters: number; radioClustersPlanned: number; loudspeakers: number } };
}

/** Equipment stays where it was installed: a merged commune has its predecessors' clusters. */
describe('devices across the 2025 reform', () => {
  let env: TestEnvironment;
  let hub: TestHub;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'devices'] });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('shows Nam Thượng its own clusters in 2021 and Hợp Kim the same clusters today', async () => {
    const namThuong = await postGraphQL<Answer>(hub.url, QUERY, { code: '05068', on: '2021-06-01' });
    expect(namThuong.errors).toBeUndefined();
    expect(namThuong.data?.commune.name).toBe('Nam Thượng');
    expect(namThuong.data?.commune.deviceStats).toEqual({ radioClusters: 10, radioClustersPlanned: 2, loudspeakers: 16 });
    // Villages in reading order: numbers by value, not "Điểm 10" before "Điểm 2".
    expect(namThuong.data?.commune.radioClusters.map((c) => c.village)).toEqual(Array.from({ length: 10 }, (_, i) => `Điểm ${i + 1}`));

    const hopKim = await postGraphQL<Answer>(hub.url, QUERY, { code: '05068' });
    expect(hopKim.errors).toBeUndefined();
    expect(hopKim.data?.commune.name).toBe('Hợp Kim');
    expect(hopKim.data?.commune.radioClusters).toEqual(namThuong.data?.commune.radioClusters);
    expect(hopKim.data?.commune.deviceStats).toEqual(namThuong.data?.commune.deviceStats);
  });

  it('gives the new Liên Sơn (04960) the old Liên Sơn\'s four clusters, and Cư Yên in 2021 none', async () => {
    const merged = await postGraphQL<Answer>(hub.url, QUERY, { code: '04960' });
    expect(merged.data?.commune.deviceStats).toMatchObject({ radioClusters: 4, radioClustersPlanned: 1 });
    const cuYen = await postGraphQL<Answer>(hub.url, QUERY, { code: '04960', on: '2021-06-01' });
    expect(cuYen.data?.commune).toMatchObject({ name: 'Cư Yên', radioClusters: [] });
  });
});
