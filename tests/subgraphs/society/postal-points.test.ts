import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { PILOT_COMMUNES } from '../../../subgraphs/shared/pilot-communes.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const NT = PILOT_COMMUNES.namThuong;
const LS = PILOT_COMMUNES.lienSon;
/** Liên Sơn (04969) ended on 2025-06-30: its successor's officers (04960, the new Liên Sơn) keep its records. */
const LS_SUCCESSOR = '04960';

const POINTS = `query ($id: ID!, $year: Int!) { communeById(id: $id) { postalPoints { id name services openingHours dossierStats(year: $year) { received returned } dossiers(year: $year) { dossierId direction } } } }`;
type Points = { communeById: { postalPoints: { id: string; name: string; services: string[]; openingHours: string; dossierStats: { received: number; returned: number }; dossiers: { dossierId: string; direction: string }[] | null }[] } };
const ADD = `mutation ($input: AddPostalPointInput!) { addPostalPoint(input: $input) { postalPoint { id services } } }`;
const LINK = `mutation ($input: LinkPostalDossierInput!) { linkPostalDossier(input: $input) { link { dossierId direction at } } }`;

describe('society through the gateway: postal service points and the dossiers of the postal channel', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  const token = async (roles: Role[], codes: string[]) => bearer(await signHubToken(env.config, { subject: `${roles.join('+')}@${codes.join(',')}`, roles, communeCodes: codes }));

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'society'], seed: true });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  const read = async (id: string, year: number, headers: Record<string, string> = {}) => {
    const response = await postGraphQL<Points>(hub.url, POINTS, { id, year }, headers);
    expect(response.errors).toBeUndefined();
    return response.data!.communeById.postalPoints;
  };

  it('lists the pilot point of each commune with its services and hours', async () => {
    for (const c of [NT, LS]) {
      const [point] = await read(c.id, 2021);
      expect(point).toMatchObject({ id: `postal-${c.code}-01`, services: ['MAIL', 'PUBLIC_SERVICE_DOSSIERS', 'INTERNET_ACCESS', 'ECOMMERCE_PICKUP'], dossierStats: { received: 0, returned: 0 }, dossiers: null });
    }
  });

  it('links dossiers received and returned by post; counts are public, the list is for officers; a repeat is a CONFLICT', async () => {
    const officer = await token([Role.OFFICER], [NT.code]);
    const input = { pointId: 'postal-05068-01', dossierId: '05068/1:HS-2021-0001', direction: 'RECEIVED', at: '2021-05-03T02:00:00Z' };
    expect((await postGraphQL(hub.url, LINK, { input }, officer)).errors).toBeUndefined();
    expect((await postGraphQL(hub.url, LINK, { input: { ...input, direction: 'RETURNED', at: '2021-05-10T02:00:00Z' } }, officer)).errors).toBeUndefined();
    expect((await postGraphQL(hub.url, LINK, { input }, officer)).errors?.[0].extensions?.code).toBe('CONFLICT');
    const [point] = await read(NT.id, 2021);
    expect(point).toMatchObject({ dossierStats: { received: 1, returned: 1 }, dossiers: null });
    expect((await read(NT.id, 2021, officer))[0].dossiers).toEqual([
      { dossierId: '05068/1:HS-2021-0001', direction: 'RECEIVED' },
      { dossierId: '05068/1:HS-2021-0001', direction: 'RETURNED' },
    ]);
    const stranger = await postGraphQL(hub.url, LINK, { input: { ...input, dossierId: 'x-2' } }, await token([Role.OFFICER], [LS_SUCCESSOR]));
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses bad points and links with BAD_USER_INPUT and writes nothing', async () => {
    const officer = await token([Role.OFFICER], [LS_SUCCESSOR]);
    const good = { communeId: LS.id, name: 'Điểm 2', address: 'Thôn 3', services: ['MAIL'], openingHours: '7:30–17:00' };
    for (const [change, field] of [
      [{ name: '' }, 'input.name'],
      [{ address: ' ' }, 'input.address'],
      [{ services: [] }, 'input.services'],
      [{ openingHours: 'x'.repeat(301) }, 'input.openingHours'],
      [{ communeId: 'Liên Sơn' }, 'input.communeId'],
    ] as const) {
      const response = await postGraphQL(hub.url, ADD, { input: { ...good, ...change } }, officer);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await read(LS.id, 2021)).toHaveLength(1);
    const link = { pointId: 'postal-04969-01', dossierId: '04969/1:HS-1', direction: 'RECEIVED', at: '2021-06-01T00:00:00Z' };
    for (const [change, field] of [
      [{ dossierId: 'has spaces in it' }, 'input.dossierId'],
      [{ at: '2999-01-01T00:00:00Z' }, 'input.at'],
    ] as const) {
      const response = await postGraphQL(hub.url, LINK, { input: { ...link, ...change } }, officer);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await read(LS.id, 2021))[0].dossierStats).toEqual({ received: 0, returned: 0 });
    const badYear = await postGraphQL(hub.url, POINTS, { id: LS.id, year: 3000 });
    expect(badYear.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
