import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMessagingSandboxes, type MessagingSandboxes } from '../../../connectors/messaging/sandboxes.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { PILOT_COMMUNES } from '../../../subgraphs/shared/pilot-communes.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';
import { captureLogs } from '../../helpers/log-capture.js';
import { announcementWorker, drain } from './support/announcement-worker.js';

const NT = PILOT_COMMUNES.namThuong;
const LS = PILOT_COMMUNES.lienSon;

const SUBSCRIBE = `mutation ($input: SubscribeInput!) { subscribeToAnnouncements(input: $input) { subscriber { id maskedPhone village groups channel status consentChannel } } }`;
const OPT_OUT = `mutation ($input: OptOutSubscriberInput!) { optOutSubscriber(input: $input) { subscriber { id status optOutChannel optedOutAt } } }`;
const OPT_OUT_CODE = `mutation ($input: OptOutByCodeInput!) { optOutOfAnnouncements(input: $input) { optedOut } }`;
const DRAFT = `mutation ($input: DraftAnnouncementInput!) { draftAnnouncement(input: $input) { announcement { id status } } }`;
const SEND = `mutation ($input: SendAnnouncementInput!) { sendAnnouncement(input: $input) { announcement { id status sentAt deliveryStats { recipients pending } radio { status } } } }`;
const READ = `query ($id: ID!) { announcement(id: $id) { id status audience { kind names } deliveryStats { recipients pending sent delivered failed cancelled } deliveries { maskedPhone channel status attempts lastError } radio { status broadcastId attempts lastError } } }`;
const COMMUNE = `query ($id: ID!, $year: Int!) { communeById(id: $id) { announcements(first: 50) { totalCount edges { node { id status } } } announcementStats(year: $year) { announcements emergencies messages delivered } announcementSubscriberStats { subscribed optedOut sms zalo } announcementSubscribers(first: 50) { totalCount edges { node { maskedPhone status } } } } }`;
const BROADCAST = `query ($id: ID!) { broadcast(id: $id) { id priority title commune { id } } }`;

type Delivery = { maskedPhone: string; channel: string; status: string; attempts: number; lastError: string | null };
type Read = { announcement: { id: string; status: string; audience: { kind: string; names: string[] }; deliveryStats: Record<string, number>; deliveries: Delivery[] | null; radio: { status: string; broadcastId: string | null; attempts: number; lastError: string | null } } | null };
type CommuneRead = {
  communeById: {
    announcements: { totalCount: number; edges: { node: { id: string; status: string } }[] };
    announcementStats: { announcements: number; emergencies: number; messages: number; delivered: number };
    announcementSubscriberStats: { subscribed: number; optedOut: number; sms: number; zalo: number } | null;
    announcementSubscribers: { totalCount: number; edges: { node: { maskedPhone: string; status: string } }[] } | null;
  };
};

const YEAR = new Date().getFullYear();

describe('society through the gateway: the citizen channel (subscribers, announcements, deliveries, the emergency radio)', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let sandboxes: MessagingSandboxes;
  const logs = captureLogs('debug');
  const token = async (roles: Role[], codes: string[]) => bearer(await signHubToken(env.config, { subject: `${roles.join('+')}@${codes.join(',')}`, roles, communeCodes: codes }));
  let officerLS: Record<string, string>;
  const LS_SUCCESSOR = '04960';

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'society', 'devices'], seed: true, logger: logs.logger });
    sandboxes = await startMessagingSandboxes({ options: { deliveryDelayMs: 0 }, timeoutMs: 2000 });
    // Liên Sơn (04969) ended on 2025-06-30: its records are kept by its successor's officers (04960, the new Liên Sơn),
    // as the acts-for policy says; a token for the ended unit acts for nothing.
    officerLS = await token([Role.OFFICER], [LS_SUCCESSOR]);
  });
  afterAll(async () => {
    await sandboxes?.close();
    await hub?.close();
    await env?.cleanup();
  });

  const ok = async <T>(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<T> => {
    const response = await postGraphQL<T>(hub.url, query, variables, headers);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const subscribe = (input: Record<string, unknown>, headers: Record<string, string>) =>
    ok<{ subscribeToAnnouncements: { subscriber: { id: string; maskedPhone: string; status: string } } }>(SUBSCRIBE, { input: { channel: 'SMS', consentChannel: 'IN_PERSON', ...input } }, headers).then((d) => d.subscribeToAnnouncements.subscriber);
  const draftAndSend = async (input: Record<string, unknown>, headers: Record<string, string>) => {
    const draft = await ok<{ draftAnnouncement: { announcement: { id: string } } }>(DRAFT, { input: { audienceKind: 'EVERYONE', ...input } }, headers);
    return (await ok<{ sendAnnouncement: { announcement: { id: string; deliveryStats: { recipients: number } } } }>(SEND, { input: { announcementId: draft.draftAnnouncement.announcement.id } }, headers)).sendAnnouncement.announcement;
  };
  const read = (id: string, headers: Record<string, string> = {}) => ok<Read>(READ, { id }, headers).then((d) => d.announcement!);
  const communeRead = (id: string, headers: Record<string, string> = {}) => ok<CommuneRead>(COMMUNE, { id, year: YEAR }, headers).then((d) => d.communeById);

  it('refuses bad input to every mutation with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const officer = officerLS;
    const good = { communeId: LS.id, phone: '0911 000 001', village: 'Thôn Đồng Bái', groups: ['Hội nông dân'], channel: 'SMS', consentChannel: 'IN_PERSON' };
    for (const [change, field] of [
      [{ phone: '12345' }, 'input.phone'],
      [{ phone: '+84 12' }, 'input.phone'],
      [{ village: 'x'.repeat(101) }, 'input.village'],
      [{ groups: Array.from({ length: 11 }, (_, i) => `g${i}`) }, 'input.groups'],
      [{ groups: [''] }, 'input.groups.0'],
      [{ consentAt: '2999-01-01T00:00:00Z' }, 'input.consentAt'],
      [{ consentChannel: 'OPT_OUT_CODE' }, 'input.consentChannel'],
      [{ communeId: 'Liên Sơn' }, 'input.communeId'],
    ] as const) {
      const response = await postGraphQL(hub.url, SUBSCRIBE, { input: { ...good, ...change } }, officer);
      expect(response.errors?.[0].extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(JSON.stringify(await postGraphQL(hub.url, SUBSCRIBE, { input: { ...good, phone: '12345' } }, officer))).not.toContain('0911');

    const draft = { communeId: LS.id, title: 'Lịch tiêm chủng', body: 'Thứ Hai tại trạm y tế.', audienceKind: 'EVERYONE' };
    for (const [change, field] of [
      [{ title: '' }, 'input.title'],
      [{ body: 'x'.repeat(401) }, 'input.body'],
      [{ audienceKind: 'VILLAGES' }, 'input.audience'],
      [{ audienceKind: 'EVERYONE', audience: ['Thôn 1'] }, 'input.audience'],
      [{ audienceKind: 'GROUPS', audience: [' '] }, 'input.audience.0'],
      [{ communeId: '' }, 'input.communeId'],
    ] as const) {
      const response = await postGraphQL(hub.url, DRAFT, { input: { ...draft, ...change } }, officer);
      expect(response.errors?.[0].extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // Sending a draft nobody is in the audience of (no subscriber yet): refused, the draft stays a draft.
    const lonely = await ok<{ draftAnnouncement: { announcement: { id: string } } }>(DRAFT, { input: draft }, officer);
    const id = lonely.draftAnnouncement.announcement.id;
    expect((await postGraphQL(hub.url, SEND, { input: { announcementId: id } }, officer)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.announcementId' });
    expect(await read(id, officer)).toMatchObject({ status: 'DRAFT', deliveryStats: { recipients: 0 } });

    for (const code of ['', 'short', '0O1IL0O1IL']) {
      expect((await postGraphQL(hub.url, OPT_OUT_CODE, { input: { code } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    }
    expect((await postGraphQL(hub.url, OPT_OUT_CODE, { input: { code: 'ABCDEFGHJK' } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const subscriber = await subscribe(good, officer);
    expect((await postGraphQL(hub.url, OPT_OUT, { input: { subscriberId: subscriber.id, channel: 'OPT_OUT_CODE' } }, officer)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channel' });
    expect((await postGraphQL(hub.url, SUBSCRIBE, { input: { ...good, phone: '+84 911 000 001' } }, officer)).errors?.[0].extensions?.code).toBe('CONFLICT');
    const commune = await communeRead(LS.id, officer);
    expect(commune.announcementSubscriberStats).toEqual({ subscribed: 1, optedOut: 0, sms: 1, zalo: 0 });
    expect(commune.announcements.edges.map((e) => e.node)).toEqual([{ id, status: 'DRAFT' }]);
    await ok(OPT_OUT, { input: { subscriberId: subscriber.id, channel: 'IN_PERSON' } }, officer);
  });

  it('keeps subscribers and drafts to the commune\'s officers: others see counts of what was sent, never phones', async () => {
    const officer = await token([Role.OFFICER], [NT.code]);
    const other = await token([Role.OFFICER], [LS_SUCCESSOR]);
    const sub = await subscribe({ communeId: NT.id, phone: '0912 000 777' }, officer);
    expect(sub.maskedPhone).toBe('091•••••77');
    const forbidden = await postGraphQL(hub.url, SUBSCRIBE, { input: { communeId: NT.id, phone: '0912000778', channel: 'SMS', consentChannel: 'IN_PERSON' } }, other);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await postGraphQL(hub.url, DRAFT, { input: { communeId: NT.id, title: 't', body: 'b', audienceKind: 'EVERYONE' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const draft = await ok<{ draftAnnouncement: { announcement: { id: string } } }>(DRAFT, { input: { communeId: NT.id, title: 'Nháp', body: 'chưa gửi', audienceKind: 'EVERYONE' } }, officer);
    expect((await ok<Read>(READ, { id: draft.draftAnnouncement.announcement.id }, other)).announcement).toBeNull();
    const publicView = await communeRead(NT.id);
    expect(publicView.announcementSubscriberStats).toBeNull();
    expect(publicView.announcementSubscribers).toBeNull();
    expect(publicView.announcements.edges.map((e) => e.node.id)).not.toContain(draft.draftAnnouncement.announcement.id);
    expect(JSON.stringify(await communeRead(NT.id, officer))).not.toContain('0912000777');
  });

  it('delivers through the sandboxes with a failed attempt retried and a late delivery report; an opted-out subscriber never gets a message; no phone in the logs', async () => {
    const officer = officerLS;
    const phones = ['0913 100 001', '0913 100 002', '0913 100 003', '0913 100 004', '0913 100 005'];
    const [a, b, c, d, e] = [
      await subscribe({ communeId: LS.id, phone: phones[0], village: 'Thôn Gò Bùi' }, officer),
      await subscribe({ communeId: LS.id, phone: phones[1], village: 'thon go bui', channel: 'ZALO', consentChannel: 'ZALO' }, officer),
      await subscribe({ communeId: LS.id, phone: phones[2], village: 'Thôn Gò Bùi' }, officer),
      await subscribe({ communeId: LS.id, phone: phones[3], village: 'Thôn Gò Bùi' }, officer),
      await subscribe({ communeId: LS.id, phone: phones[4], village: 'Thôn Khác' }, officer),
    ];
    // c opts out with the code printed under messages: before the send, so never a recipient.
    const [{ opt_out_code: codeOfC }] = await hub.subgraphs.society!.orm.em.getConnection().execute<{ opt_out_code: string }[]>(`select opt_out_code from announcement_subscriber where id = ?`, [c.id]);
    expect((await ok<{ optOutOfAnnouncements: { optedOut: boolean } }>(OPT_OUT_CODE, { input: { code: codeOfC.toLowerCase() } }, {})).optOutOfAnnouncements.optedOut).toBe(true);

    sandboxes.SMS.book.deliveryDelayMs = 150;
    sandboxes.SMS.scripted.failNext('error', 1);
    const sent = await draftAndSend({ communeId: LS.id, title: 'Cắt điện', body: 'Thôn Gò Bùi mất điện 8–11 giờ sáng mai.', audienceKind: 'VILLAGES', audience: ['Thôn Gò Bùi'] }, officer);
    expect(sent.deliveryStats.recipients).toBe(3);
    // d opts out after the send, before the worker runs: its queued message is cancelled.
    await ok(OPT_OUT, { input: { subscriberId: d.id, channel: 'IN_PERSON' } }, officer);

    const worker = announcementWorker(hub, env.config, sandboxes, logs.logger('society'));
    await drain(worker, async () => expect((await read(sent.id)).deliveryStats).toMatchObject({ pending: 0, sent: 0 }));
    const done = await read(sent.id, officer);
    expect(done.deliveryStats).toEqual({ recipients: 3, pending: 0, sent: 0, delivered: 2, failed: 0, cancelled: 1 });
    expect(done.deliveries!.map((x) => x.status).sort()).toEqual(['CANCELLED', 'DELIVERED', 'DELIVERED']);
    expect(done.deliveries!.find((x) => x.channel === 'SMS' && x.status === 'DELIVERED')).toMatchObject({ attempts: 2 });
    expect(done.deliveries!.find((x) => x.channel === 'SMS' && x.status === 'DELIVERED')!.lastError).toBeNull();
    expect(sandboxes.SMS.scripted.fired.error).toBe(1);
    const received = [...sandboxes.SMS.book.messages(), ...sandboxes.ZALO.book.messages()].map((m) => m.phone).sort();
    expect(received).toEqual(['84913100001', '84913100002']);
    expect(sandboxes.SMS.book.messages()[0].text).toMatch(/^Cắt điện\nThôn Gò Bùi mất điện.*\nNgừng nhận tin: https:\/\/xa\.gov\.vn\/tb\?ma=[A-Z2-9]{10}$/s);
    void [a, b, e];

    const stats = (await communeRead(LS.id)).announcementStats;
    expect(stats).toEqual({ announcements: 1, emergencies: 0, messages: 3, delivered: 2 });
    const text = logs.text();
    expect(text).toContain('announcement delivery failed; retrying');
    for (const phone of phones) {
      const digits = phone.replace(/\s/g, '');
      expect(text).not.toContain(digits);
      expect(text).not.toContain(`84${digits.slice(1)}`);
    }
  });

  it('marks an undeliverable message FAILED from its late report, and gives up on a channel that keeps failing', async () => {
    const officer = await token([Role.OFFICER], [NT.code]);
    await subscribe({ communeId: NT.id, phone: '0914 200 001', groups: ['Trưởng thôn'] }, officer);
    await subscribe({ communeId: NT.id, phone: '0914 200 002', groups: ['trưởng thôn'], channel: 'ZALO', consentChannel: 'PORTAL' }, officer);
    sandboxes.SMS.book.setUnreachable(['84914200001']);
    sandboxes.ZALO.faults.set({ errorRate: 1 });
    try {
      const sent = await draftAndSend({ communeId: NT.id, title: 'Họp trưởng thôn', body: '14 giờ tại UBND xã.', audienceKind: 'GROUPS', audience: ['TRƯỞNG THÔN'] }, officer);
      expect(sent.deliveryStats.recipients).toBe(2);
      const worker = announcementWorker(hub, env.config, sandboxes, logs.logger('society'), { maxAttempts: 3 });
      await drain(worker, async () => expect((await read(sent.id)).deliveryStats).toMatchObject({ pending: 0, sent: 0 }));
      const done = await read(sent.id, officer);
      expect(done.deliveries!.map((x) => [x.channel, x.status, x.attempts])).toEqual(expect.arrayContaining([['SMS', 'FAILED', 1], ['ZALO', 'FAILED', 3]]));
      expect(done.deliveries!.find((x) => x.channel === 'SMS')!.lastError).toBe('undeliverable: UNREACHABLE');
      expect(done.deliveries!.find((x) => x.channel === 'ZALO')!.lastError).toMatch(/^gave up after 3 attempts: ZALO send: HTTP 50[03]/);
    } finally {
      sandboxes.ZALO.faults.set({ errorRate: 0 });
    }
  });

  it('an emergency announcement also schedules an EMERGENCY bulletin on the devices subgraph, as the officer who sent it', async () => {
    const officer = await token([Role.OFFICER], [NT.code]);
    const sent = await draftAndSend({ communeId: NT.id, title: 'Cảnh báo lũ quét', body: 'Sơ tán khỏi ven suối ngay.', audienceKind: 'EVERYONE', emergency: true }, officer);
    expect((await read(sent.id)).radio.status).toBe('QUEUED');
    const worker = announcementWorker(hub, env.config, sandboxes, logs.logger('society'));
    await drain(worker, async () => {
      const now = await read(sent.id);
      expect(now.radio.status).toBe('SCHEDULED');
      expect(now.deliveryStats).toMatchObject({ pending: 0, sent: 0 });
    });
    const { radio } = await read(sent.id);
    expect(radio.attempts).toBe(1);
    const bulletin = await ok<{ broadcast: { id: string; priority: string; title: string; commune: { id: string } } }>(BROADCAST, { id: radio.broadcastId }, {});
    expect(bulletin.broadcast).toEqual({ id: radio.broadcastId, priority: 'EMERGENCY', title: 'Cảnh báo lũ quét', commune: { id: NT.id } });
  });

  it('keeps an emergency bulletin queued while devices is down, and schedules it once devices is back', async () => {
    const officer = await token([Role.OFFICER], [NT.code]);
    // Built while devices runs, so it has devices' URL; devices restarts on the same port.
    const worker = announcementWorker(hub, env.config, sandboxes, logs.logger('society'));
    await hub.stopSubgraph('devices');
    const sent = await draftAndSend({ communeId: NT.id, title: 'Cảnh báo sạt lở', body: 'Tránh đường đồi.', audienceKind: 'EVERYONE', emergency: true }, officer);
    await worker.round();
    const waiting = await read(sent.id);
    expect(waiting.radio).toMatchObject({ status: 'QUEUED', attempts: 1 });
    expect(waiting.radio.lastError).toMatch(/could not reach/);
    await hub.startSubgraph('devices');
    await drain(worker, async () => expect((await read(sent.id)).radio.status).toBe('SCHEDULED'));
  });
});
