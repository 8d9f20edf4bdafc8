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

const STATS = `query ($id: ID!, $on: Date) { communeById(id: $id) {
  connectivity(on: $on) { villages villagesWith3G villagesWith4G villagesWithBroadband share3G share4G shareBroadband lastSurveyedOn }
  villageConnectivity(on: $on) { village fixedBroadband coverage { operator generation } surveyedOn source }
  itEquipment { id kind count status }
} }`;
type Stats = {
  communeById: {
    connectivity: { villages: number; villagesWith3G: number; villagesWith4G: number; villagesWithBroadband: number; share3G: number | null; share4G: number | null; shareBroadband: number | null; lastSurveyedOn: string | null };
    villageConnectivity: { village: string; fixedBroadband: boolean; coverage: { operator: string; generation: string }[]; surveyedOn: string; source: string }[];
    itEquipment: { id: string; kind: string; count: number; status: string }[];
  };
};
const RECORD = `mutation ($input: RecordVillageConnectivityInput!) { recordVillageConnectivity(input: $input) { villageConnectivity { id village coverage { operator generation } } } }`;
const ADD_IT = `mutation ($input: AddItEquipmentInput!) { addItEquipment(input: $input) { itEquipment { id kind count status } } }`;
const UPDATE_IT = `mutation ($input: UpdateItEquipmentInput!) { updateItEquipment(input: $input) { itEquipment { id count status } } }`;

describe('devices through the gateway: village connectivity and the IT inventory', () => {
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

  const stats = async (id: string, on?: string) => (await gql<Stats>(hub.url, STATS, { id, on })).communeById;

  it('reads the pilot: every village of both communes with 3G and fixed broadband at the end of 2021, none surveyed before', async () => {
    for (const commune of [NT, LS]) {
      const read = await stats(commune.id, '2021-12-31');
      expect(read.connectivity).toEqual({ villages: 8, villagesWith3G: 8, villagesWith4G: 0, villagesWithBroadband: 8, share3G: 1, share4G: 0, shareBroadband: 1, lastSurveyedOn: '2021-12-01' });
      expect(read.villageConnectivity[0]).toMatchObject({ village: 'Thôn 1', fixedBroadband: true, surveyedOn: '2021-12-01' });
      expect(read.itEquipment.map((i) => i.kind).sort()).toEqual(['FIREWALL', 'NETWORK_SWITCH']);
    }
    expect((await stats(NT.id, '2021-06-01')).connectivity).toMatchObject({ villages: 0, share3G: null, shareBroadband: null });
  });

  it('lets an officer record a newer survey; reads as of a day take each village\'s latest survey on or before it', async () => {
    const officer = await tokenFor(env.config, [Role.OFFICER], [PILOT_COMMUNES.lienSon2025.code]);
    await gql(hub.url, RECORD, { input: { communeId: LS.id, village: ' thôn 1 ', coverage: [{ operator: 'VIETTEL', generation: 'G4' }, { operator: 'VIETTEL', generation: 'G4' }], fixedBroadband: false, surveyedOn: '2024-05-10', source: 'Sở TT&TT' } }, officer);
    const later = await stats(LS.id, '2024-06-01');
    expect(later.connectivity).toMatchObject({ villages: 8, villagesWith3G: 8, villagesWith4G: 1, villagesWithBroadband: 7, shareBroadband: 0.875, lastSurveyedOn: '2024-05-10' });
    expect(later.villageConnectivity.find((v) => v.surveyedOn === '2024-05-10')!.coverage).toEqual([{ operator: 'VIETTEL', generation: 'G4' }]);
    expect((await stats(LS.id, '2021-12-31')).connectivity.shareBroadband).toBe(1);
  });

  it('refuses bad surveys with BAD_USER_INPUT and writes nothing; strangers get FORBIDDEN', async () => {
    const officer = await tokenFor(env.config, [Role.OFFICER], [NT.code]);
    const good = { communeId: NT.id, village: 'Thôn 9', coverage: [], fixedBroadband: true, surveyedOn: '2025-01-01', source: 'VNPT' };
    const cases: [Record<string, unknown>, string][] = [
      [{ village: '   ' }, 'input.village'],
      [{ surveyedOn: '2026-03-03' }, 'input.surveyedOn'],
      [{ source: '' }, 'input.source'],
      [{ communeId: 'Nam Thượng' }, 'input.communeId'],
      [{ coverage: Array.from({ length: 21 }, () => ({ operator: 'OTHER', generation: 'G2' })) }, 'input.coverage'],
    ];
    for (const [change, field] of cases) {
      const response = await postGraphQL(hub.url, RECORD, { input: { ...good, ...change } }, officer);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const impossible = await postGraphQL(hub.url, RECORD, { input: { ...good, surveyedOn: '2021-02-30' } }, officer);
    expect(impossible.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const stranger = await postGraphQL(hub.url, RECORD, { input: good }, await tokenFor(env.config, [Role.OFFICER], [LS.code]));
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await stats(NT.id)).connectivity.villages).toBe(8);
  });

  it('keeps the IT inventory: add, change, and refuse bad lines writing nothing', async () => {
    const officer = await tokenFor(env.config, [Role.OFFICER], [NT.code]);
    const added = await gql<{ addItEquipment: { itEquipment: { id: string; count: number } } }>(
      hub.url,
      ADD_IT,
      { input: { communeId: NT.id, kind: 'DESKTOP_COMPUTER', description: 'Máy tính để bàn', count: 5, acquiredOn: '2021-11-20', status: 'IN_USE' } },
      officer,
    );
    const id = added.addItEquipment.itEquipment.id;
    expect(await gql(hub.url, UPDATE_IT, { input: { id, count: 4, status: 'FAULTY' } }, officer)).toEqual({ updateItEquipment: { itEquipment: { id, count: 4, status: 'FAULTY' } } });
    for (const [input, field] of [
      [{ communeId: NT.id, kind: 'UPS', description: 'UPS', count: 0, status: 'IN_USE' }, 'input.count'],
      [{ communeId: NT.id, kind: 'UPS', description: '', count: 1, status: 'IN_USE' }, 'input.description'],
      [{ communeId: NT.id, kind: 'UPS', description: 'UPS', count: 1, acquiredOn: '2027-01-01', status: 'IN_USE' }, 'input.acquiredOn'],
    ] as const) {
      const response = await postGraphQL(hub.url, ADD_IT, { input }, officer);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const badUpdate = await postGraphQL(hub.url, UPDATE_IT, { input: { id, count: 20_000 } }, officer);
    expect(badUpdate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.count' });
    const inventory = (await stats(NT.id)).itEquipment;
    expect(inventory).toHaveLength(3);
    expect(inventory.find((i) => i.id === id)).toMatchObject({ count: 4, status: 'FAULTY' });
    const anonymous = await postGraphQL(hub.url, ADD_IT, { input: { communeId: NT.id, kind: 'UPS', description: 'UPS', count: 1, status: 'IN_USE' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
