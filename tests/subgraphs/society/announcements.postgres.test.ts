import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMessagingSandboxes, type MessagingSandboxes } from '../../../connectors/messaging/sandboxes.js';
import { createLogger } from '../../../core/logger.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { PILOT_COMMUNES } from '../../../subgraphs/shared/pilot-communes.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';
import { announcementWorker } from './support/announcement-worker.js';

const NT = PILOT_COMMUNES.namThuong;

describe.skipIf(!TEST_DATABASE_URL)('the citizen channel on PostgreSQL: two delivery workers share the queue (SKIP LOCKED), one message per phone, the emergency radio', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let sandboxes: MessagingSandboxes;

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: true });
    hub = await startHub({ env, subgraphs: ['governance', 'society', 'devices'], seed: true });
    sandboxes = await startMessagingSandboxes({ options: { deliveryDelayMs: 50 } });
  });
  afterAll(async () => {
    await sandboxes?.close();
    await hub?.close();
    await env?.cleanup();
  });

  it('delivers to every subscriber exactly once with a retried failure and a dropped answer, and schedules the bulletin', async () => {
    const officer = bearer(await signHubToken(env.config, { subject: 'officer@05068', roles: [Role.OFFICER], communeCodes: [NT.code] }));
    const call = async <T>(query: string, input: Record<string, unknown>): Promise<T> => {
      const response = await postGraphQL<T>(hub.url, query, { input }, officer);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data!;
    };
    const phones = Array.from({ length: 12 }, (_, i) => `09160000${String(i).padStart(2, '0')}`);
    for (const [i, phone] of phones.entries()) {
      await call(`mutation ($input: SubscribeInput!) { subscribeToAnnouncements(input: $input) { subscriber { id } } }`, { communeId: NT.id, phone, channel: i % 3 ? 'SMS' : 'ZALO', consentChannel: 'IN_PERSON' });
    }
    const draft = await call<{ draftAnnouncement: { announcement: { id: string } } }>(`mutation ($input: DraftAnnouncementInput!) { draftAnnouncement(input: $input) { announcement { id } } }`, {
      communeId: NT.id,
      title: 'Cảnh báo mưa lớn',
      body: 'Không đi qua ngầm tràn.',
      audienceKind: 'EVERYONE',
      emergency: true,
    });
    const id = draft.draftAnnouncement.announcement.id;
    sandboxes.SMS.scripted.failNext('error', 1);
    sandboxes.SMS.scripted.failNext('drop', 1);
    await call(`mutation ($input: SendAnnouncementInput!) { sendAnnouncement(input: $input) { announcement { id } } }`, { announcementId: id });

    const logger = createLogger('society', 'silent');
    const workers = [announcementWorker(hub, env.config, sandboxes, logger, { batch: 3 }), announcementWorker(hub, env.config, sandboxes, logger, { batch: 3 })];
    const READ = `query ($id: ID!) { announcement(id: $id) { deliveryStats { recipients delivered } radio { status broadcastId } } }`;
    type Read = { announcement: { deliveryStats: { recipients: number; delivered: number }; radio: { status: string; broadcastId: string | null } } };
    await expect
      .poll(
        async () => {
          await Promise.all(workers.map((w) => w.round()));
          return (await postGraphQL<Read>(hub.url, READ, { id }, officer)).data!.announcement;
        },
        { timeout: 60_000, interval: 50 },
      )
      .toMatchObject({ deliveryStats: { recipients: 12, delivered: 12 }, radio: { status: 'SCHEDULED' } });
    const counts = new Map<string, number>();
    for (const m of [...sandboxes.SMS.book.messages(), ...sandboxes.ZALO.book.messages()]) counts.set(m.phone, (counts.get(m.phone) ?? 0) + 1);
    expect(counts.size).toBe(12);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(sandboxes.SMS.scripted.fired).toMatchObject({ error: 1, drop: 1 });
    // The dropped answer's message was sent once; its retry was answered with the same message.
    expect(sandboxes.SMS.book.messages().some((m) => m.requests === 2)).toBe(true);
  });

  it('reads back the devices pilot cameras\' feeds as a list (seeded with upsertMany into a JSON column)', async () => {
    const response = await postGraphQL<{ communeById: { cameras: { id: string; feeds: string[] }[] } }>(hub.url, `query ($id: ID!) { communeById(id: $id) { cameras { id feeds } } }`, { id: NT.id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.communeById.cameras).toEqual([{ id: 'camera-05068-01', feeds: ['IOC', 'POLICE'] }]);
  });
});
