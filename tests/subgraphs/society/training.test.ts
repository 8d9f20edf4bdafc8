import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { PILOT_COMMUNES } from '../../../subgraphs/shared/pilot-communes.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const NT = PILOT_COMMUNES.namThuong;
const LS = PILOT_COMMUNES.lienSon;

const SESSIONS = `query ($id: ID!, $year: Int!) { communeById(id: $id) {
  trainingSessions(year: $year) { id title organiser audiences heldOn producersTrained attendees communes { id } participants { kind producer { id name kind } } }
  trainingStats(year: $year) { sessions producersTrained officialSessions }
} }`;
type Sessions = {
  communeById: {
    trainingSessions: { id: string; organiser: string; audiences: string[]; heldOn: string; producersTrained: number; attendees: number | null; communes: { id: string }[]; participants: { kind: string; producer: { id: string; name: string; kind: string } | null }[] }[];
    trainingStats: { sessions: number; producersTrained: number; officialSessions: number };
  };
};
const RECORD = `mutation ($input: RecordTrainingSessionInput!) { recordTrainingSession(input: $input) { trainingSession { id title heldOn } } }`;
const ADD = `mutation ($input: AddTrainingParticipantsInput!) { addTrainingParticipants(input: $input) { trainingSession { id producersTrained } } }`;

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI). */
const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);

describe.each(DIALECTS)('society through the gateway: training sessions, participants linked to commerce producers (%s)', (dialect) => {
  let env: TestEnvironment;
  let hub: TestHub;
  const token = async (roles: Role[], codes: string[]) => bearer(await signHubToken(env.config, { subject: `${roles.join('+')}@${codes.join(',')}`, roles, communeCodes: codes }));

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    hub = await startHub({ env, subgraphs: ['governance', 'society', 'commerce'], seed: true });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  const read = async (id: string, year: number, headers: Record<string, string> = {}) => {
    const response = await postGraphQL<Sessions>(hub.url, SESSIONS, { id, year }, headers);
    expect(response.errors).toBeUndefined();
    return response.data!.communeById;
  };

  it('reads the pilot: three 2021 sessions for both communes; 20 voso and 34 postmart producers resolved in commerce', async () => {
    for (const commune of [NT, LS]) {
      const { trainingSessions, trainingStats } = await read(commune.id, 2021);
      expect(trainingSessions.map((s) => [s.id, s.producersTrained])).toEqual([
        ['training-2021-10-officials', 0],
        ['training-2021-viettel-voso', 20],
        ['training-2021-vnpost-postmart', 34],
      ]);
      expect(trainingSessions[0]).toMatchObject({ audiences: ['OFFICIALS'], heldOn: '2021-10-15', attendees: null });
      expect(trainingSessions[1].organiser).toBe('Viettel Hòa Bình');
      expect(trainingSessions[2].participants.filter((p) => p.producer?.kind === 'COOPERATIVE')).toHaveLength(4);
      expect(trainingSessions[1].participants[0].producer).toMatchObject({ id: 'pilot-voso-01', name: 'Hộ sản xuất VS-01', kind: 'HOUSEHOLD' });
      expect(trainingSessions[0].communes.map((c) => c.id)).toEqual([LS.id, NT.id]);
      expect(trainingStats).toEqual({ sessions: 3, producersTrained: 54, officialSessions: 1 });
    }
    expect((await read(NT.id, 2020)).trainingStats.sessions).toBe(0);
  });

  it('lets an officer record a session and list producers; a producer listed twice is a CONFLICT', async () => {
    const officer = await token([Role.OFFICER], [NT.code]);
    const recorded = await postGraphQL<{ recordTrainingSession: { trainingSession: { id: string } } }>(
      hub.url,
      RECORD,
      { input: { communeIds: [NT.id], title: 'Tổ công nghệ số cộng đồng', organiser: 'UBND xã', audiences: ['RESIDENTS', 'HOUSEHOLDS'], topics: ['VNeID'], heldOn: '2024-03-01', attendeeCount: 40 } },
      officer,
    );
    const sessionId = recorded.data!.recordTrainingSession.trainingSession.id;
    const added = await postGraphQL(hub.url, ADD, { input: { sessionId, participants: [{ kind: 'HOUSEHOLD', producerId: 'pilot-voso-01' }, { kind: 'OFFICIAL' }] } }, officer);
    expect(added.data).toEqual({ addTrainingParticipants: { trainingSession: { id: sessionId, producersTrained: 1 } } });
    const again = await postGraphQL(hub.url, ADD, { input: { sessionId, participants: [{ kind: 'HOUSEHOLD', producerId: 'pilot-voso-01' }] } }, officer);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const session = (await read(NT.id, 2024)).trainingSessions[0];
    expect(session).toMatchObject({ producersTrained: 1, attendees: 40 });
    const stranger = await postGraphQL(hub.url, ADD, { input: { sessionId, participants: [{ kind: 'OFFICIAL' }] } }, await token([Role.OFFICER], [LS.code]));
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await postGraphQL(hub.url, ADD, { input: { sessionId: 'no-such-session', participants: [{ kind: 'OFFICIAL' }] } }, officer);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.sessionId' });
    const outsider = await postGraphQL(hub.url, RECORD, { input: { communeIds: [NT.id, LS.id], title: 'Hai xã', organiser: 'UBND huyện', audiences: ['OFFICIALS'], topics: [], heldOn: '2024-03-02' } }, officer);
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await read(LS.id, 2024)).trainingSessions).toEqual([]);
  });

  it('refuses bad sessions and participants with BAD_USER_INPUT and writes nothing', async () => {
    const officer = await token([Role.OFFICER], [NT.code]);
    const good = { communeIds: [NT.id], title: 'Tập huấn', organiser: 'VNPT', audiences: ['OFFICIALS'], topics: ['Ký số'], heldOn: '2023-05-05' };
    const cases: [Record<string, unknown>, string][] = [
      [{ communeIds: [] }, 'input.communeIds'],
      [{ communeIds: ['Nam Thượng'] }, 'input.communeIds.0'],
      [{ title: '' }, 'input.title'],
      [{ audiences: [] }, 'input.audiences'],
      [{ topics: [''] }, 'input.topics.0'],
      [{ heldOn: '2999-01-01' }, 'input.heldOn'],
      [{ attendeeCount: 0 }, 'input.attendeeCount'],
    ];
    for (const [change, field] of cases) {
      const response = await postGraphQL(hub.url, RECORD, { input: { ...good, ...change } }, officer);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await read(NT.id, 2023)).trainingSessions).toEqual([]);
    const badParticipants: [unknown[], string][] = [
      [[], 'input.participants'],
      [[{ kind: 'HOUSEHOLD' }], 'input.participants.0.producerId'],
      [[{ kind: 'OFFICIAL', producerId: 'pilot-voso-02' }], 'input.participants.0.producerId'],
      [[{ kind: 'COOPERATIVE', producerId: 'pilot-postmart-01' }, { kind: 'COOPERATIVE', producerId: 'pilot-postmart-01' }], 'input.participants.1.producerId'],
      [[{ kind: 'HOUSEHOLD', producerId: 'pilot-voso-03' }, { kind: 'HOUSEHOLD', producerId: 'bad id with spaces' }], 'input.participants.1.producerId'],
    ];
    for (const [participants, field] of badParticipants) {
      const response = await postGraphQL(hub.url, ADD, { input: { sessionId: 'training-2021-viettel-voso', participants } }, officer);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await read(NT.id, 2021)).trainingSessions[1].producersTrained).toBe(20);
    const badYear = await postGraphQL(hub.url, SESSIONS, { id: NT.id, year: 1800 });
    expect(badYear.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});
