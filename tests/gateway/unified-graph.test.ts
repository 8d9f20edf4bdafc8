import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../helpers/databases.js';
import { postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';

/** The README's sample query, read from the file the README points at, through the whole hub. */
const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');

interface Overview {
  commune: {
    id: string;
    name: string;
    districtName: string | null;
    predecessors: { name: string }[];
    dossierStats: { received: number; online: number; onlineRate: number; targetMet: boolean | null };
    documentStats: { outgoing: number; outgoingSigned: number; signedRate: number };
    healthRecordStats: { records: number; coverage: number | null };
    schools: { name: string }[];
    radioClusters: { village: string; status: string; deviceCount: number; loudspeakerCount: number }[];
    producers: { totalCount: number; edges: { node: { name: string } }[] };
  };
}

describe.each([
  ['SQLite (embedded default)', false],
  ['PostgreSQL (production)', true],
] as const)('the unified graph on %s: one query spans all four subgraphs', (_label, postgres) => {
  let env: TestEnvironment;
  let hub: TestHub;

  beforeAll(async () => {
    if (postgres && !TEST_DATABASE_URL) return;
    env = await createTestEnvironment({ postgres });
    hub = await startHub({ env });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it.skipIf(postgres && !TEST_DATABASE_URL)('answers for Nam Thượng as of 2021 with data from every subgraph', async () => {
    const response = await postGraphQL<Overview>(hub.url, SAMPLE, { code: '05068', on: '2021-06-01' });
    expect(response.errors).toBeUndefined();
    const commune = response.data!.commune;
    expect(commune).toMatchObject({ id: '05068/1', name: 'Nam Thượng', districtName: 'Kim Bôi', predecessors: [] });
    expect(commune.dossierStats).toMatchObject({ received: 1964, online: 411, onlineRate: 0.209, targetMet: false });
    expect(commune.documentStats).toMatchObject({ outgoing: 622, outgoingSigned: 610, signedRate: 0.981 });
    expect(commune.healthRecordStats.records).toBeGreaterThan(0);
    expect(commune.healthRecordStats.coverage).toBe(1);
    expect(commune.schools.length).toBeGreaterThan(0);
    expect(commune.radioClusters).toHaveLength(10);
    expect(commune.radioClusters.filter((c) => c.status === 'PLANNED')).toHaveLength(2);
    expect(commune.radioClusters.reduce((sum, c) => sum + c.loudspeakerCount, 0)).toBe(16);
    expect(commune.producers.totalCount).toBeGreaterThan(0);
  });

  it.skipIf(postgres && !TEST_DATABASE_URL)('answers for Hợp Kim today, which inherits what Nam Thượng recorded and holds', async () => {
    const response = await postGraphQL<Overview>(hub.url, SAMPLE, { code: '05068' });
    expect(response.errors).toBeUndefined();
    const commune = response.data!.commune;
    expect(commune).toMatchObject({ id: '05068/2', name: 'Hợp Kim', districtName: null });
    expect(commune.predecessors.map((p) => p.name)).toEqual(['Kim Lập', 'Nam Thượng', 'Sào Báy']);
    // Across the reform: Hợp Kim's 2021 figures are its predecessors' (only Nam Thượng has records).
    expect(commune.dossierStats).toMatchObject({ received: 1964, online: 411, onlineRate: 0.209 });
    expect(commune.healthRecordStats.records).toBeGreaterThan(0);
    expect(commune.schools.length).toBeGreaterThan(0);
    expect(commune.radioClusters).toHaveLength(10);
    expect(commune.producers.totalCount).toBeGreaterThan(0);
  });
});
