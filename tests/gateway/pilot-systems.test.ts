import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMessagingSandboxes, type MessagingSandboxes } from '../../connectors/messaging/sandboxes.js';
import { createLogger } from '../../core/logger.js';
import { signHubToken } from '../../subgraphs/shared/hub-token.js';
import { Role } from '../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { bearer, postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';
import { announcementWorker, drain } from '../subgraphs/society/support/announcement-worker.js';

/** The README's sample query (docs/sample-query.graphql) reads the rest of the pilot through the gateway. */
const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');

interface PilotSystems {
  commune: {
    name: string;
    portalPosts: { totalCount: number; edges: { node: { title: string; category: string } }[] };
    trainingSessions: { title: string; organiser: string; producersTrained: number }[];
    announcements: { totalCount: number; edges: { node: { title: string; sentAt: string; deliveryStats: { recipients: number; delivered: number; failed: number } } }[] };
    connectivity: { villages: number; villagesWith3G: number; villagesWithBroadband: number; share3G: number; shareBroadband: number };
    videoRooms: { name: string; connectedLevels: string[] }[];
    cashless: { budgetPaidOfficials: number; officialsWithAccount: number; officialAccountShare: number };
    cashPointThroughput: { totalVnd: number };
  };
}

describe('the rest of the pilot through the gateway: Nam Thượng and Liên Sơn in 2021', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let sandboxes: MessagingSandboxes;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env });
    sandboxes = await startMessagingSandboxes({ options: { deliveryDelayMs: 100 } });
  });
  afterAll(async () => {
    await sandboxes?.close();
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

  // Both communes ended on 2025-06-30: their successors' officers (Hợp Kim 05068, the new Liên Sơn 04960) act for them.
  it.each([
    ['05068', '05068/1', 'Nam Thượng', '05068'],
    ['04969', '04969/1', 'Liên Sơn', '04960'],
  ])('%s: an announcement reaches its subscribers through the SMS and Zalo sandboxes, one failed delivery retried and delivered, and the sample query shows it', async (code, communeId, name, actingCode) => {
    const officer = bearer(await signHubToken(env.config, { subject: `officer@${actingCode}`, roles: [Role.OFFICER], communeCodes: [actingCode] }));
    const mutate = async <T>(query: string, input: Record<string, unknown>): Promise<T> => {
      const response = await postGraphQL<T>(hub.url, query, { input }, officer);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data!;
    };
    const phones = [1, 2, 3].map((i) => `0915${code}${i}`);
    for (const [i, phone] of phones.entries()) {
      await mutate(`mutation ($input: SubscribeInput!) { subscribeToAnnouncements(input: $input) { subscriber { id } } }`, { communeId, phone, channel: i === 2 ? 'ZALO' : 'SMS', consentChannel: 'IN_PERSON' });
    }
    const draft = await mutate<{ draftAnnouncement: { announcement: { id: string } } }>(`mutation ($input: DraftAnnouncementInput!) { draftAnnouncement(input: $input) { announcement { id } } }`, {
      communeId,
      title: `Thông báo của UBND xã ${name}`,
      body: 'Lịch tiếp công dân tuần này: sáng thứ Ba và thứ Năm.',
      audienceKind: 'EVERYONE',
    });
    sandboxes.SMS.scripted.failNext('error', 1);
    const before = sandboxes.SMS.scripted.fired.error;
    const id = draft.draftAnnouncement.announcement.id;
    await mutate(`mutation ($input: SendAnnouncementInput!) { sendAnnouncement(input: $input) { announcement { id } } }`, { announcementId: id });

    const worker = announcementWorker(hub, env.config, sandboxes, createLogger('society', 'silent'));
    const DELIVERIES = `query ($id: ID!) { announcement(id: $id) { deliveryStats { recipients delivered } deliveries { channel status attempts } } }`;
    type Deliveries = { announcement: { deliveryStats: { recipients: number; delivered: number }; deliveries: { channel: string; status: string; attempts: number }[] } };
    await drain(worker, async () => {
      const now = await postGraphQL<Deliveries>(hub.url, DELIVERIES, { id }, officer);
      expect(now.data!.announcement.deliveryStats).toEqual({ recipients: 3, delivered: 3 });
    });
    expect(sandboxes.SMS.scripted.fired.error - before).toBe(1);
    const { deliveries } = (await postGraphQL<Deliveries>(hub.url, DELIVERIES, { id }, officer)).data!.announcement;
    expect(deliveries.map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
    expect(deliveries.map((d) => d.attempts).sort()).toEqual([1, 1, 2]);

    const response = await postGraphQL<PilotSystems>(hub.url, SAMPLE, { code, on: '2021-06-01' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.commune.announcements.edges[0].node).toMatchObject({ title: `Thông báo của UBND xã ${name}`, deliveryStats: { recipients: 3, delivered: 3, failed: 0 } });
  });
});
