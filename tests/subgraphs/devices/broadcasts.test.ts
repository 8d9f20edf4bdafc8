import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../subgraphs/shared/roles.js';
import { PILOT_COMMUNES } from '../../../subgraphs/shared/pilot-communes.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';
import { DIALECTS, fakeClock, gql, heartbeatUrl, REGISTER_DEVICE, sendHeartbeat, tokenFor } from './devices-harness.js';

const NT = PILOT_COMMUNES.namThuong;

const SCHEDULE = `mutation ($input: ScheduleBroadcastInput!) {
  scheduleBroadcast(input: $input) {
    broadcast { id priority startsAt targets { cluster { id } startsAt endsAt status interrupted } }
    preempted { broadcast { id title } cluster { id } startsAt endsAt status interrupted preemptedBy { id } }
  }
}`;
const TARGETS = `query ($id: ID!) { broadcast(id: $id) { title targets { cluster { id } startsAt endsAt status interrupted failureReason preemptedBy { title } } } }`;

type Target = { cluster: { id: string }; startsAt: string; endsAt: string; status: string; interrupted: boolean; failureReason?: string | null; preemptedBy?: { title: string } | null };
type Scheduled = { scheduleBroadcast: { broadcast: { id: string; priority: string; startsAt: string; targets: Target[] }; preempted: (Target & { broadcast: { id: string; title: string } })[] } };

for (const [dialect, postgres] of DIALECTS) {
  describe.skipIf(postgres && !TEST_DATABASE_URL)(`devices through the gateway: broadcasts (Circular 39/2020) and emergency pre-emption (${dialect})`, () => {
    let env: TestEnvironment;
    let hub: TestHub;
    let clock: ReturnType<typeof fakeClock>;
    let officer: Record<string, string>;

    beforeAll(async () => {
      clock = fakeClock('2026-03-02T01:00:00Z');
      env = await createTestEnvironment({ postgres });
      hub = await startHub({ env, subgraphs: ['governance', 'devices'], seed: true });
      officer = await tokenFor(env.config, [Role.OFFICER], [NT.code]);
    });
    afterAll(async () => {
      clock?.restore();
      await hub?.close();
      await env?.cleanup();
    });

    const schedule = (input: Record<string, unknown>, headers = officer) =>
      gql<Scheduled>(hub.url, SCHEDULE, { input: { communeId: NT.id, content: 'Nội dung bản tin.', ...input } }, headers);
    const targets = async (id: string) => (await gql<{ broadcast: { targets: Target[] } }>(hub.url, TARGETS, { id })).broadcast.targets;

    it('an emergency bulletin pre-empts what is playing and what is scheduled, cascading, per cluster', async () => {
      // 01:00 — a NORMAL bulletin starts now on clusters 1 and 2 (10 min); another is due at 01:20 on cluster 1.
      const a = await schedule({ title: 'Lịch tiêm chủng', priority: 'NORMAL', startsAt: '2026-03-02T01:00:00Z', durationSeconds: 600, clusterIds: ['radio-05068-01', 'radio-05068-02'] });
      const aId = a.scheduleBroadcast.broadcast.id;
      expect(a.scheduleBroadcast.broadcast.targets.map((t) => t.status)).toEqual(['PLAYING', 'PLAYING']);
      const b = await schedule({ title: 'Họp thôn', priority: 'NORMAL', startsAt: '2026-03-02T01:20:00Z', durationSeconds: 600, clusterIds: ['radio-05068-01'] });
      const bId = b.scheduleBroadcast.broadcast.id;
      expect(b.scheduleBroadcast.broadcast.targets[0]).toMatchObject({ status: 'SCHEDULED', startsAt: '2026-03-02T01:20:00.000Z' });

      // 01:01 — flash-flood warning on cluster 1: plays at once, A is cut off and plays again after it.
      clock.advance(60);
      const e1 = await schedule({ title: 'Cảnh báo lũ quét', priority: 'EMERGENCY', durationSeconds: 300, clusterIds: ['radio-05068-01'] });
      const e1Id = e1.scheduleBroadcast.broadcast.id;
      expect(e1.scheduleBroadcast.broadcast).toMatchObject({
        priority: 'EMERGENCY',
        startsAt: '2026-03-02T01:01:00.000Z',
        targets: [{ cluster: { id: 'radio-05068-01' }, startsAt: '2026-03-02T01:01:00.000Z', endsAt: '2026-03-02T01:06:00.000Z', status: 'PLAYING' }],
      });
      expect(e1.scheduleBroadcast.preempted).toEqual([
        {
          broadcast: { id: aId, title: 'Lịch tiêm chủng' },
          cluster: { id: 'radio-05068-01' },
          startsAt: '2026-03-02T01:06:00.000Z',
          endsAt: '2026-03-02T01:16:00.000Z',
          status: 'SCHEDULED',
          interrupted: true,
          preemptedBy: { id: e1Id },
        },
      ]);
      // Cluster 2 was not targeted: A keeps playing there. B (01:20) did not overlap: unchanged.
      expect(await targets(aId)).toMatchObject([
        { cluster: { id: 'radio-05068-01' }, status: 'SCHEDULED', interrupted: true, preemptedBy: { title: 'Cảnh báo lũ quét' } },
        { cluster: { id: 'radio-05068-02' }, status: 'PLAYING', interrupted: false, preemptedBy: null, startsAt: '2026-03-02T01:00:00.000Z' },
      ]);
      expect((await targets(bId))[0]).toMatchObject({ startsAt: '2026-03-02T01:20:00.000Z', preemptedBy: null });

      // A second emergency queues right after the first (never cuts an emergency), and pushes A and then B back.
      const e2 = await schedule({ title: 'Cháy rừng', priority: 'EMERGENCY', durationSeconds: 300, clusterIds: ['radio-05068-01'] });
      expect(e2.scheduleBroadcast.broadcast.targets[0]).toMatchObject({ startsAt: '2026-03-02T01:06:00.000Z', endsAt: '2026-03-02T01:11:00.000Z', status: 'SCHEDULED' });
      expect(e2.scheduleBroadcast.preempted.map((t) => [t.broadcast.title, t.startsAt, t.endsAt])).toEqual([
        ['Lịch tiêm chủng', '2026-03-02T01:11:00.000Z', '2026-03-02T01:21:00.000Z'],
        ['Họp thôn', '2026-03-02T01:21:00.000Z', '2026-03-02T01:31:00.000Z'],
      ]);

      // The clock moves on: statuses follow the slots.
      clock.set('2026-03-02T01:07:00Z');
      expect((await targets(e1Id))[0].status).toBe('PLAYED');
      expect((await targets(e2.scheduleBroadcast.broadcast.id))[0].status).toBe('PLAYING');
      clock.set('2026-03-02T01:12:00Z');
      expect((await targets(aId)).map((t) => t.status)).toEqual(['PLAYING', 'PLAYED']);
    });

    it('PRIORITY pushes back NORMAL; a bulletin overlapping one of equal or higher priority is a CONFLICT', async () => {
      const c = await schedule({ title: 'Thông báo thu gom rác', priority: 'NORMAL', startsAt: '2026-03-02T02:00:00Z', durationSeconds: 300, clusterIds: ['radio-05068-03'] });
      const p = await schedule({ title: 'Phòng chống dịch', priority: 'PRIORITY', startsAt: '2026-03-02T01:58:00Z', durationSeconds: 300, clusterIds: ['radio-05068-03'] });
      expect(p.scheduleBroadcast.preempted).toMatchObject([
        { broadcast: { id: c.scheduleBroadcast.broadcast.id }, startsAt: '2026-03-02T02:03:00.000Z', endsAt: '2026-03-02T02:08:00.000Z', interrupted: false },
      ]);
      const clash = await postGraphQL(
        hub.url,
        SCHEDULE,
        { input: { communeId: NT.id, title: 'Trùng giờ', content: 'x', priority: 'PRIORITY', startsAt: '2026-03-02T02:00:00Z', durationSeconds: 60, clusterIds: ['radio-05068-03'] } },
        officer,
      );
      expect(clash.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.startsAt', clusterId: 'radio-05068-03' });
      expect(clash.errors?.[0].message).toContain('pick another time');
    });

    it('takes the receiver\'s playback report: FAILED with its reason', async () => {
      const registered = await gql<{ registerDevice: { credential: string } }>(hub.url, REGISTER_DEVICE, { input: { clusterId: 'radio-05068-04', label: 'Receiver 4' } }, officer);
      clock.set('2026-03-02T03:00:00Z');
      const bulletin = await schedule({ title: 'Bản tin sáng', priority: 'NORMAL', startsAt: '2026-03-02T03:00:00Z', durationSeconds: 120, clusterIds: ['radio-05068-04', 'radio-05068-05'] });
      const id = bulletin.scheduleBroadcast.broadcast.id;
      const report = await sendHeartbeat(heartbeatUrl(hub.subgraphs.devices!.url), registered.registerDevice.credential, {
        playback: [{ broadcastId: id, status: 'FAILED', reason: 'Mất điện' }, { broadcastId: 'not-a-broadcast', status: 'PLAYED' }],
      });
      expect(report.json.playback).toEqual({ applied: 1, ignored: 1 });
      clock.set('2026-03-02T03:05:00Z');
      expect((await targets(id)).map((t) => [t.cluster.id, t.status, t.failureReason])).toEqual([
        ['radio-05068-04', 'FAILED', 'Mất điện'],
        ['radio-05068-05', 'PLAYED', null],
      ]);
    });

    it('lists a commune\'s bulletins as a connection, latest first', async () => {
      const page = async (after?: string) =>
        (
          await gql<{ communeById: { broadcasts: { totalCount: number; edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } }>(
            hub.url,
            `query ($id: ID!, $after: String) { communeById(id: $id) { broadcasts(first: 3, after: $after) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } } }`,
            { id: NT.id, after },
          )
        ).communeById.broadcasts;
      const first = await page();
      expect(first.totalCount).toBe(7);
      expect(first.edges.map((e) => e.node.title)).toEqual(['Bản tin sáng', 'Thông báo thu gom rác', 'Phòng chống dịch']);
      const rest = [first];
      while (rest[rest.length - 1].pageInfo.hasNextPage) rest.push(await page(rest[rest.length - 1].pageInfo.endCursor));
      expect(rest.flatMap((p) => p.edges.map((e) => e.node.title))).toHaveLength(7);
    });

    it('refuses bad input with the field, and callers without the officer role of the commune', async () => {
      const attempt = async (input: Record<string, unknown>, headers: Record<string, string> = officer) =>
        (await postGraphQL(hub.url, SCHEDULE, { input: { communeId: NT.id, title: 'T', content: 'C', priority: 'NORMAL', startsAt: '2026-03-02T05:00:00Z', durationSeconds: 60, ...input } }, headers)).errors?.[0]
          .extensions;
      expect(await attempt({ priority: 'EMERGENCY' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
      expect(await attempt({ startsAt: null })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
      expect(await attempt({ startsAt: '2026-03-01T00:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
      expect(await attempt({ durationSeconds: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.durationSeconds' });
      expect(await attempt({ title: ' ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
      expect(await attempt({ communeId: '5068' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communeId' });
      expect(await attempt({ clusterIds: ['radio-05068-09'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clusterIds.0' });
      expect(await attempt({ clusterIds: ['radio-05068-01', 'radio-04969-01'] })).toMatchObject({ code: 'NOT_FOUND', field: 'input.clusterIds.1' });
      expect(await attempt({ clusterIds: ['radio-05068-01', 'radio-05068-01'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clusterIds.1' });
      expect((await attempt({}, {}))?.code).toBe('UNAUTHENTICATED');
      expect((await attempt({}, await tokenFor(env.config, [Role.SECURITY], [NT.code])))?.code).toBe('FORBIDDEN');
      expect((await attempt({}, await tokenFor(env.config, [Role.OFFICER], [PILOT_COMMUNES.lienSon.code])))?.code).toBe('FORBIDDEN');
    });
  });
}
