import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';

/** The README's sample query (docs/sample-query.graphql) reads the rest of the pilot through the gateway. */
const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');

interface PilotSystems {
  commune: {
    name: string;
    portalPosts: { totalCount: number; edges: { node: { title: string; category: string } }[] };
    trainingSessions: { title: string; organiser: string; producersTrained: number }[];
    connectivity: { villages: number; villagesWith3G: number; villagesWithBroadband: number; share3G: number; shareBroadband: number };
    videoRooms: { name: string; connectedLevels: string[] }[];
    cashless: { budgetPaidOfficials: number; officialsWithAccount: number; officialAccountShare: number };
    cashPointThroughput: { totalVnd: number };
  };
}

describe('the rest of the pilot through the gateway: Nam Thượng and Liên Sơn in 2021', () => {
  let env: TestEnvironment;
  let hub: TestHub;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it.each([
    ['05068', 'Nam Thượng'],
    ['04969', 'Liên Sơn'],
  ])('%s (%s): 3G and broadband in every village, a room on 4 levels, three trainings (20 and 34 producers), every budget-paid official cashless, a published post', async (code, name) => {
    const response = await postGraphQL<PilotSystems>(hub.url, SAMPLE, { code, on: '2021-06-01' });
    expect(response.errors).toBeUndefined();
    const commune = response.data!.commune;
    expect(commune.name).toBe(name);
    expect(commune.connectivity).toMatchObject({ share3G: 1, shareBroadband: 1 });
    expect(commune.connectivity.villages).toBeGreaterThan(0);
    expect(commune.videoRooms).toHaveLength(1);
    expect(commune.videoRooms[0].connectedLevels).toEqual(['COMMUNE', 'DISTRICT', 'PROVINCE', 'CENTRAL']);
    expect(commune.trainingSessions).toHaveLength(3);
    expect(commune.trainingSessions.map((s) => s.producersTrained)).toEqual([0, 20, 34]);
    expect(commune.cashless.officialAccountShare).toBe(1);
    expect(commune.portalPosts.totalCount).toBeGreaterThanOrEqual(1);
    expect(commune.portalPosts.edges[0].node.category).toBe('NEWS_ANNOUNCEMENTS');
    expect(commune.cashPointThroughput.totalVnd).toBeGreaterThan(0);
  });
});
