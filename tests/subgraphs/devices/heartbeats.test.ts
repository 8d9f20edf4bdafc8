import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../subgraphs/shared/roles.js';
import { PILOT_COMMUNES } from '../../../subgraphs/shared/pilot-communes.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';
import { DIALECTS, fakeClock, gql, heartbeatUrl, REGISTER_DEVICE, sendHeartbeat, tokenFor } from './devices-harness.js';

const NT = PILOT_COMMUNES.namThuong;

for (const [dialect, postgres] of DIALECTS) {
  describe.skipIf(postgres && !TEST_DATABASE_URL)(`devices through the gateway: heartbeats, status and uptime (${dialect})`, () => {
    let env: TestEnvironment;
    let hub: TestHub;
    let clock: ReturnType<typeof fakeClock>;
    let officer: Record<string, string>;
    let ingest: string;

    beforeAll(async () => {
      clock = fakeClock('2026-03-02T01:00:00Z');
      env = await createTestEnvironment({ postgres });
      hub = await startHub({ env, subgraphs: ['governance', 'devices'], seed: true });
      officer = await tokenFor(env.config, [Role.OFFICER], [NT.code]);
      ingest = heartbeatUrl(hub.subgraphs.devices!.url);
    });
    afterAll(async () => {
      clock?.restore();
      await hub?.close();
      await env?.cleanup();
    });

    const COMMUNE = `query ($id: ID!) {
      communeById(id: $id) {
        name
        radioClusters { id village status deviceCount loudspeakerCount lastSeenAt }
        deviceStats { radioClusters radioClustersPlanned radioClustersInstalled radioClustersOnline radioClustersOffline radioDevices loudspeakers devicesReporting devicesOnline }
      }
    }`;
    type CommuneData = {
      communeById: {
        name: string;
        radioClusters: { id: string; village: string; status: string; deviceCount: number; loudspeakerCount: number; lastSeenAt: string | null }[];
        deviceStats: Record<string, number>;
      };
    };
    const DEVICE = `query ($id: ID!) { device(id: $id) { id status lastSeenAt cluster { id status } } }`;

    it('shows the pilot\'s clusters on Commune: Nam Thượng 8 installed with 16 loudspeakers + 2 planned', async () => {
      const data = await gql<CommuneData>(hub.url, COMMUNE, { id: NT.id });
      expect(data.communeById.name).toBe('Nam Thượng');
      expect(data.communeById.radioClusters).toHaveLength(10);
      expect(data.communeById.deviceStats).toMatchObject({
        radioClusters: 10,
        radioClustersPlanned: 2,
        radioClustersInstalled: 8,
        radioClustersOnline: 0,
        radioDevices: 8,
        loudspeakers: 16,
      });
    });

    it('a device goes offline after its threshold of silence and back online with its next heartbeat', async () => {
      const registered = await gql<{ registerDevice: { credential: string; device: { id: string; status: string; offlineAfterSeconds: number } } }>(
        hub.url,
        REGISTER_DEVICE,
        { input: { clusterId: 'radio-05068-01', label: 'Receiver, Điểm 1', offlineAfterSeconds: 120 } },
        officer,
      );
      const { credential, device } = registered.registerDevice;
      expect(device).toMatchObject({ status: 'OFFLINE', offlineAfterSeconds: 120 });
      expect(credential.startsWith(`${device.id}.`)).toBe(true);

      const beat = await sendHeartbeat(ingest, credential);
      expect(beat.status).toBe(200);
      expect(beat.json).toMatchObject({ deviceId: device.id, status: 'ONLINE', receivedAt: '2026-03-02T01:00:00.000Z' });
      const read = async () => (await gql<{ device: { status: string; lastSeenAt: string; cluster: { id: string; status: string } } }>(hub.url, DEVICE, { id: device.id })).device;
      expect(await read()).toMatchObject({ status: 'ONLINE', lastSeenAt: '2026-03-02T01:00:00.000Z', cluster: { id: 'radio-05068-01', status: 'ONLINE' } });
      expect((await gql<CommuneData>(hub.url, COMMUNE, { id: NT.id })).communeById.deviceStats).toMatchObject({ radioClustersOnline: 1, devicesReporting: 1, devicesOnline: 1 });

      clock.advance(119);
      expect((await read()).status).toBe('ONLINE');
      clock.advance(1); // 120 s of silence: the threshold
      expect(await read()).toMatchObject({ status: 'OFFLINE', cluster: { status: 'OFFLINE' } });
      const stats = (await gql<CommuneData>(hub.url, COMMUNE, { id: NT.id })).communeById.deviceStats;
      expect(stats).toMatchObject({ radioClustersOnline: 0, radioClustersOffline: 1, devicesOnline: 0 });

      clock.advance(600);
      expect((await sendHeartbeat(ingest, credential)).status).toBe(200);
      expect(await read()).toMatchObject({ status: 'ONLINE', lastSeenAt: '2026-03-02T01:12:00.000Z', cluster: { status: 'ONLINE' } });
    });

    it('computes uptime per device and per commune from the heartbeat history (exact numbers)', async () => {
      clock.set('2026-03-02T02:00:00Z');
      const t0 = clock.now().getTime();
      const register = async (clusterId: string) =>
        (
          await gql<{ registerDevice: { credential: string; device: { id: string } } }>(
            hub.url,
            REGISTER_DEVICE,
            { input: { clusterId, label: `Receiver ${clusterId}`, offlineAfterSeconds: 60 } },
            officer,
          )
        ).registerDevice;
      const a = await register('radio-05068-02');
      // Device A (threshold 60 s): heartbeats at 0, 30, 60, then silence, then 300, 330 s.
      // Online: [0,30) [30,60) [60,120) [300,330) [330,390) = 210 s.
      for (const s of [0, 30, 60, 300, 330]) {
        clock.set(t0 + s * 1000);
        expect((await sendHeartbeat(ingest, a.credential)).status).toBe(200);
      }
      // Device B, registered at 600 s: heartbeats at 600 and 660 s. Online: [600,660) [660,720) = 120 s.
      clock.set(t0 + 600_000);
      const b = await register('radio-05068-03');
      expect((await sendHeartbeat(ingest, b.credential)).status).toBe(200);
      clock.set(t0 + 660_000);
      expect((await sendHeartbeat(ingest, b.credential)).status).toBe(200);
      clock.set(t0 + 900_000);

      const from = new Date(t0).toISOString();
      const to = new Date(t0 + 3600_000).toISOString(); // period ends after now: counted up to now
      const UPTIME = `query ($id: ID!, $from: DateTime!, $to: DateTime!, $commune: ID!) {
        device(id: $id) { uptime(from: $from, to: $to) { devices monitoredSeconds onlineSeconds uptime } }
        communeById(id: $commune) { deviceUptime(from: $from, to: $to, kind: RADIO_RECEIVER) { devices monitoredSeconds onlineSeconds uptime } }
      }`;
      type UptimeData = { devices: number; monitoredSeconds: number; onlineSeconds: number; uptime: number | null };
      const data = await gql<{ device: { uptime: UptimeData }; communeById: { deviceUptime: UptimeData } }>(hub.url, UPTIME, { id: a.device.id, from, to, commune: NT.id });
      // A: monitored 900 s (t0..now), online 210 s.
      expect(data.device.uptime).toEqual({ devices: 1, monitoredSeconds: 900, onlineSeconds: 210, uptime: 210 / 900 });
      // The commune also has the device of the previous test, registered at 01:00 and silent since 01:13:
      // in [02:00, 02:15) it was monitored 900 s and online 0 s. B: monitored 300 s (600..900), online 120 s.
      expect(data.communeById.deviceUptime).toEqual({ devices: 3, monitoredSeconds: 900 + 900 + 300, onlineSeconds: 210 + 0 + 120, uptime: 330 / 2100 });

      // A window that only partly covers a heartbeat's interval: [t0 + 45 s, t0 + 100 s) → [45,60) + [60,100) = 55 s of 55.
      const partial = await gql<{ device: { uptime: UptimeData } }>(
        hub.url,
        `query ($id: ID!, $from: DateTime!, $to: DateTime!) { device(id: $id) { uptime(from: $from, to: $to) { monitoredSeconds onlineSeconds uptime } } }`,
        { id: a.device.id, from: new Date(t0 + 45_000).toISOString(), to: new Date(t0 + 100_000).toISOString() },
      );
      expect(partial.device.uptime).toEqual({ monitoredSeconds: 55, onlineSeconds: 55, uptime: 1 });
    });

    it('rejects a period that ends before it starts, with the field', async () => {
      const response = await postGraphQL(
        hub.url,
        `query ($id: ID!) { communeById(id: $id) { deviceUptime(from: "2026-03-02T02:00:00Z", to: "2026-03-02T01:00:00Z") { uptime } } }`,
        { id: NT.id },
      );
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    });
  });
}
