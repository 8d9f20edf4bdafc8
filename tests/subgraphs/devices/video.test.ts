import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../subgraphs/shared/roles.js';
import { PILOT_COMMUNES } from '../../../subgraphs/shared/pilot-communes.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';
import { fakeClock, gql, tokenFor } from './devices-harness.js';

const NT = PILOT_COMMUNES.namThuong;
const LS = PILOT_COMMUNES.lienSon;

const ROOMS = `query ($id: ID!, $month: String!) { communeById(id: $id) {
  videoRooms { id name connectedLevels connectedToAllLevels state usage(month: $month) { meetings usedMinutes availableMinutes utilisation } }
  videoMeetings(month: $month) { id title status attendance recordingUrl rooms { room { id } attendees } }
} }`;
type Rooms = {
  communeById: {
    videoRooms: { id: string; connectedLevels: string[]; connectedToAllLevels: boolean; usage: { meetings: number; usedMinutes: number; availableMinutes: number; utilisation: number | null } }[];
    videoMeetings: { id: string; title: string; status: string; attendance: number | null; recordingUrl: string | null; rooms: { room: { id: string }; attendees: number | null }[] }[];
  };
};
const SCHEDULE = `mutation ($input: ScheduleVideoMeetingInput!) { scheduleVideoMeeting(input: $input) { videoMeeting { id status } } }`;
const RECORD = `mutation ($input: RecordVideoMeetingInput!) { recordVideoMeeting(input: $input) { videoMeeting { id status actualStart } } }`;
const ADD_ROOM = `mutation ($input: AddVideoRoomInput!) { addVideoRoom(input: $input) { videoRoom { id connectedLevels } } }`;
const UPDATE_ROOM = `mutation ($input: UpdateVideoRoomInput!) { updateVideoRoom(input: $input) { videoRoom { id connectedLevels state } } }`;

describe('devices through the gateway: video-conference rooms and meetings', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let clock: ReturnType<typeof fakeClock>;

  beforeAll(async () => {
    clock = fakeClock('2026-03-02T01:00:00Z');
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'devices'], seed: true });
  });
  afterAll(async () => {
    clock?.restore();
    await hub?.close();
    await env?.cleanup();
  });

  const rooms = async (id: string, month: string, headers: Record<string, string> = {}) => (await gql<Rooms>(hub.url, ROOMS, { id, month }, headers)).communeById;

  it('reads the pilot: one room per commune, connected to all four levels', async () => {
    for (const commune of [NT, LS]) {
      const read = await rooms(commune.id, '2021-12');
      expect(read.videoRooms).toHaveLength(1);
      expect(read.videoRooms[0]).toMatchObject({ connectedLevels: ['COMMUNE', 'DISTRICT', 'PROVINCE', 'CENTRAL'], connectedToAllLevels: true });
      // December 2021 has 23 weekdays: 23 × 8 h × 60 available minutes, unused.
      expect(read.videoRooms[0].usage).toEqual({ meetings: 0, usedMinutes: 0, availableMinutes: 23 * 8 * 60, utilisation: 0 });
    }
  });

  it('schedules a province meeting in both rooms, refuses a double booking, records it held; the recording link is for officers of a participating commune', async () => {
    const admin = await tokenFor(env.config, [Role.ADMIN], []);
    const roomIds = ['video-05068-01', 'video-04969-01'];
    const scheduled = await gql<{ scheduleVideoMeeting: { videoMeeting: { id: string; status: string } } }>(
      hub.url,
      SCHEDULE,
      { input: { title: 'Giao ban chuyển đổi số', level: 'PROVINCE', hostUnit: 'UBND tỉnh Hòa Bình', roomIds, scheduledStart: '2026-03-10T01:00:00Z', scheduledEnd: '2026-03-10T03:00:00Z' } },
      admin,
    );
    const id = scheduled.scheduleVideoMeeting.videoMeeting.id;
    const clash = await postGraphQL(hub.url, SCHEDULE, { input: { title: 'Họp xã', level: 'COMMUNE', hostUnit: 'UBND xã Nam Thượng', roomIds: ['video-05068-01'], scheduledStart: '2026-03-10T02:00:00Z', scheduledEnd: '2026-03-10T04:00:00Z' } }, await tokenFor(env.config, [Role.OFFICER], [NT.code]));
    expect(clash.errors?.[0].extensions?.code).toBe('CONFLICT');
    const officerNT = await tokenFor(env.config, [Role.OFFICER], [NT.code]);
    await gql(hub.url, RECORD, { input: { id, actualStart: '2026-03-10T01:00:00Z', actualEnd: '2026-03-10T02:30:00Z', attendance: [{ roomId: 'video-05068-01', attendees: 12 }], recordingUrl: 'https://rec.invalid/1' } }, officerNT);
    const read = await rooms(NT.id, '2026-03', officerNT);
    expect(read.videoMeetings).toEqual([
      { id, title: 'Giao ban chuyển đổi số', status: 'HELD', attendance: 12, recordingUrl: 'https://rec.invalid/1', rooms: expect.arrayContaining([{ room: { id: 'video-05068-01' }, attendees: 12 }, { room: { id: 'video-04969-01' }, attendees: null }]) },
    ]);
    // March 2026 has 22 weekdays; 90 minutes held.
    expect(read.videoRooms[0].usage).toEqual({ meetings: 1, usedMinutes: 90, availableMinutes: 22 * 480, utilisation: Math.round((90 / (22 * 480)) * 1000) / 1000 });
    expect((await rooms(NT.id, '2026-03')).videoMeetings[0].recordingUrl).toBeNull();
    expect((await rooms(NT.id, '2026-03', await tokenFor(env.config, [Role.HEALTH_STAFF], [NT.code]))).videoMeetings[0].recordingUrl).toBeNull();
    expect((await rooms(LS.id, '2026-03', await tokenFor(env.config, [Role.OFFICER], [PILOT_COMMUNES.lienSon2025.code]))).videoMeetings[0].recordingUrl).toBe('https://rec.invalid/1');
  });

  it('refuses bad rooms and meetings with BAD_USER_INPUT and writes nothing', async () => {
    const officer = await tokenFor(env.config, [Role.OFFICER], [NT.code]);
    const badRoom = await postGraphQL(hub.url, ADD_ROOM, { input: { communeId: NT.id, name: 'Phòng 2', equipment: 'Codec', connectedLevels: [], state: 'INSTALLED' } }, officer);
    expect(badRoom.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.connectedLevels' });
    const noName = await postGraphQL(hub.url, ADD_ROOM, { input: { communeId: NT.id, name: ' ', equipment: 'Codec', connectedLevels: ['COMMUNE'], state: 'INSTALLED' } }, officer);
    expect(noName.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const added = await gql<{ addVideoRoom: { videoRoom: { id: string } } }>(hub.url, ADD_ROOM, { input: { communeId: NT.id, name: 'Phòng nhỏ', equipment: 'Webcam', connectedLevels: ['COMMUNE', 'DISTRICT'], state: 'INSTALLED' } }, officer);
    const small = added.addVideoRoom.videoRoom.id;
    const badUpdate = await postGraphQL(hub.url, UPDATE_ROOM, { input: { id: small, connectedLevels: [] } }, officer);
    expect(badUpdate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.connectedLevels' });
    const good = { title: 'Họp', level: 'COMMUNE', hostUnit: 'UBND xã', roomIds: [small], scheduledStart: '2026-04-01T01:00:00Z', scheduledEnd: '2026-04-01T02:00:00Z' };
    const cases: [Record<string, unknown>, string][] = [
      [{ level: 'CENTRAL' }, 'input.roomIds'],
      [{ scheduledEnd: '2026-04-01T00:00:00Z' }, 'input.scheduledEnd'],
      [{ scheduledEnd: '2026-04-03T00:00:00Z' }, 'input.scheduledEnd'],
      [{ roomIds: [] }, 'input.roomIds'],
      [{ roomIds: ['no-such-room'] }, 'input.roomIds'],
      [{ title: '' }, 'input.title'],
    ];
    for (const [change, field] of cases) {
      const response = await postGraphQL(hub.url, SCHEDULE, { input: { ...good, ...change } }, officer);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await rooms(NT.id, '2026-04')).videoMeetings).toEqual([]);
    const meeting = await gql<{ scheduleVideoMeeting: { videoMeeting: { id: string } } }>(hub.url, SCHEDULE, { input: good }, officer);
    const id = meeting.scheduleVideoMeeting.videoMeeting.id;
    const badRecords: [Record<string, unknown>, string][] = [
      [{ actualEnd: '2026-04-01T00:59:00Z' }, 'input.actualEnd'],
      [{ attendance: [{ roomId: small, attendees: -1 }] }, 'input.attendance.0.attendees'],
      [{ attendance: [{ roomId: 'video-04969-01', attendees: 3 }] }, 'input.attendance.0.roomId'],
      [{ recordingUrl: 'ftp://x' }, 'input.recordingUrl'],
    ];
    for (const [change, field] of badRecords) {
      const response = await postGraphQL(hub.url, RECORD, { input: { id, actualStart: '2026-04-01T01:00:00Z', actualEnd: '2026-04-01T02:00:00Z', attendance: [], ...change } }, officer);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await rooms(NT.id, '2026-04')).videoMeetings).toMatchObject([{ id, status: 'SCHEDULED', attendance: null }]);
    const badMonth = await postGraphQL(hub.url, ROOMS, { id: NT.id, month: '2026-13' });
    expect(badMonth.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
