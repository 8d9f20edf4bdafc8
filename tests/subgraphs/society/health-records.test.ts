import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../subgraphs/shared/roles.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL, type GraphQLResponse } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const NAM_THUONG = '05068/1';
const LIEN_SON = '04969/1';

const COMMUNE_HEALTH = `query ($id: ID!) {
  communeById(id: $id) {
    name
    healthRecordStats { records population coverage populationSource }
    healthRecords(first: 3) {
      totalCount
      edges { node { id recordNumber administrative { fullName sex birthDate ethnicity village } history { kind description icd10Code } vaccinations { vaccine dose givenOn place } examinations { examinedOn reason examiner } } }
    }
  }
}`;
const AUDIT = `query ($id: ID!, $recordId: ID) { communeById(id: $id) { healthRecordReads(first: 50, recordId: $recordId) { totalCount edges { node { recordId readerSubject readerRoles via readAt requestId } } } } }`;

type RecordNode = { id: string; recordNumber: string; administrative: { fullName: string }; examinations: unknown[]; vaccinations: unknown[] };
type Page<T> = { totalCount: number; edges: { node: T }[] };
type Read = { recordId: string; readerSubject: string; readerRoles: string[]; via: string; readAt: string };

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI). */
const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);

describe.each(DIALECTS)('society through the gateway: health records (%s)', (dialect) => {
  let env: TestEnvironment;
  let hub: TestHub;
  let namThuongStaff: string;
  let lienSonStaff: string;
  let namThuongOfficer: string;

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    hub = await startHub({ env, subgraphs: ['governance', 'society'], seed: true });
    namThuongStaff = await signHubToken(env.config, { subject: 'nurse-nt', roles: [Role.HEALTH_STAFF], communeCodes: ['05068'] });
    lienSonStaff = await signHubToken(env.config, { subject: 'nurse-ls', roles: [Role.HEALTH_STAFF], communeCodes: ['04960'] });
    namThuongOfficer = await signHubToken(env.config, { subject: 'officer-nt', roles: [Role.OFFICER], communeCodes: ['05068'] });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('gives an anonymous caller Nam Thượng\'s coverage but no record', async () => {
    const result = await postGraphQL(hub.url, COMMUNE_HEALTH, { id: NAM_THUONG });
    expect(result.data?.communeById).toMatchObject({
      name: 'Nam Thượng',
      healthRecordStats: { records: 3604, population: 3604, coverage: 1, populationSource: expect.stringContaining('Assumed') },
      healthRecords: null,
    });
    expect(result.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FORBIDDEN', 'communeById.healthRecords']]);
    expect(JSON.stringify(result.data)).not.toMatch(/fullName|recordNumber/);
  });

  it('refuses records to roles other than the commune\'s health staff', async () => {
    const asOfficer = await postGraphQL(hub.url, COMMUNE_HEALTH, { id: NAM_THUONG }, bearer(namThuongOfficer));
    expect((asOfficer.data?.communeById as { healthRecords: unknown }).healthRecords).toBeNull();
    expect(asOfficer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const audit = await postGraphQL(hub.url, AUDIT, { id: NAM_THUONG });
    expect(audit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets Nam Thượng health staff read records, all four parts, and writes each read to the audit log', async () => {
    const result = await postGraphQL(hub.url, COMMUNE_HEALTH, { id: NAM_THUONG }, bearer(namThuongStaff));
    expect(result.errors).toBeUndefined();
    const page = (result.data?.communeById as { healthRecords: Page<RecordNode> }).healthRecords;
    expect(page.totalCount).toBe(3604);
    expect(page.edges.map((e) => e.node.recordNumber)).toEqual(['05068-000001', '05068-000002', '05068-000003']);
    for (const { node } of page.edges) {
      expect(node.administrative.fullName).toMatch(/^\S+ \S+ \S+$/);
      expect(node.examinations).toHaveLength(1);
    }

    const one = page.edges[0].node.id;
    // Stored instants may drop the milliseconds: the read's second, and not before it, bounds it from below.
    const beforeRead = Math.floor(Date.now() / 1000) * 1000;
    const single = await postGraphQL(hub.url, `query ($id: ID!) { healthRecord(id: $id) { id commune { id name } administrative { fullName } } }`, { id: one }, bearer(namThuongStaff));
    expect(single.data?.healthRecord).toMatchObject({ id: one, commune: { id: NAM_THUONG, name: 'Nam Thượng' } });

    const audit = await postGraphQL(hub.url, AUDIT, { id: NAM_THUONG }, bearer(namThuongStaff));
    const reads = (audit.data?.communeById as { healthRecordReads: Page<Read> }).healthRecordReads;
    expect(reads.totalCount).toBe(4);
    expect(reads.edges[0].node).toMatchObject({ recordId: one, readerSubject: 'nurse-nt', readerRoles: ['health_staff'], via: 'Query.healthRecord' });
    expect(reads.edges.slice(1).map((e) => e.node.recordId).sort()).toEqual(page.edges.map((e) => e.node.id).sort());
    expect(reads.edges.slice(1).every((e) => e.node.via === 'Commune.healthRecords')).toBe(true);
    // Logged when it happened: between the request's sending and now, read on the same clock (no tolerance to guess).
    expect(Date.parse(reads.edges[0].node.readAt)).toBeGreaterThanOrEqual(beforeRead);
    expect(Date.parse(reads.edges[0].node.readAt)).toBeLessThanOrEqual(Date.now());

    // Pages of the log stay exact although a page of reads shares one readAt.
    const LOG_PAGE = `query ($after: String) { communeById(id: "05068/1") { healthRecordReads(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { recordId via } } } } }`;
    const paged: string[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const response: GraphQLResponse = await postGraphQL(hub.url, LOG_PAGE, { after }, bearer(namThuongStaff));
      const log = (response.data?.communeById as { healthRecordReads: Page<Read> & { pageInfo: { hasNextPage: boolean; endCursor: string } } }).healthRecordReads;
      paged.push(...log.edges.map((e) => `${e.node.via}:${e.node.recordId}`));
      more = log.pageInfo.hasNextPage;
      after = log.pageInfo.endCursor;
    }
    expect(paged).toEqual(reads.edges.map((e) => `${e.node.via}:${e.node.recordId}`));

    const ofOne = await postGraphQL(hub.url, AUDIT, { id: NAM_THUONG, recordId: one }, bearer(namThuongStaff));
    expect((ofOne.data?.communeById as { healthRecordReads: Page<Read> }).healthRecordReads.totalCount).toBe(2);
  });

  it('does not let the same token read Liên Sơn\'s records, nor Liên Sơn\'s staff read Nam Thượng\'s', async () => {
    const lienSon = await postGraphQL(hub.url, COMMUNE_HEALTH, { id: LIEN_SON }, bearer(namThuongStaff));
    expect(lienSon.data?.communeById).toMatchObject({ name: 'Liên Sơn', healthRecordStats: { records: 0, population: 6215, coverage: 0 }, healthRecords: null });
    expect(lienSon.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const ntPage = await postGraphQL(hub.url, `query { communeById(id: "05068/1") { healthRecords(first: 1, search: "bui") { edges { node { id administrative { fullName } } } } } }`, {}, bearer(namThuongStaff));
    const node = (ntPage.data?.communeById as { healthRecords: Page<{ id: string; administrative: { fullName: string } }> }).healthRecords.edges[0].node;
    expect(node.administrative.fullName.startsWith('Bùi')).toBe(true);
    const before = (await postGraphQL(hub.url, AUDIT, { id: NAM_THUONG, recordId: node.id }, bearer(namThuongStaff))).data?.communeById as { healthRecordReads: Page<Read> };
    const cross = await postGraphQL(hub.url, `query ($id: ID!) { healthRecord(id: $id) { id administrative { fullName } } }`, { id: node.id }, bearer(lienSonStaff));
    expect(cross.data?.healthRecord).toBeNull();
    expect(cross.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const after = (await postGraphQL(hub.url, AUDIT, { id: NAM_THUONG, recordId: node.id }, bearer(namThuongStaff))).data?.communeById as { healthRecordReads: Page<Read> };
    // A refused attempt is not a read: nothing of the record left the station.
    expect(after.healthRecordReads.totalCount).toBe(before.healthRecordReads.totalCount);
  });

  it('returns null for an unknown record id, and BAD_USER_INPUT for a bad page size', async () => {
    const missing = await postGraphQL(hub.url, `query { healthRecord(id: "no-such-record") { id } }`, {}, bearer(namThuongStaff));
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.healthRecord).toBeNull();
    const bad = await postGraphQL(hub.url, `query { communeById(id: "05068/1") { healthRecords(first: 0) { totalCount } } }`, {}, bearer(namThuongStaff));
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
  it('lets Liên Sơn health staff open a record and add history, vaccinations and examinations, validating every field', async () => {
    const CREATE = `mutation ($input: CreateHealthRecordInput!) { createHealthRecord(input: $input) { record { id recordNumber administrative { fullName phone bloodType } } } }`;
    const person = { communeId: LIEN_SON, fullName: 'Nguyễn Thị Lan', sex: 'FEMALE', birthDate: '1990-04-12', village: 'Xóm Gò Bùi', phone: '0912.345.678', bloodType: 'o+' };
    expect((await postGraphQL(hub.url, CREATE, { input: person }, bearer(namThuongStaff))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badId = await postGraphQL(hub.url, CREATE, { input: { ...person, citizenId: '12345' } }, bearer(lienSonStaff));
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.citizenId' });
    const created = await postGraphQL(hub.url, CREATE, { input: person }, bearer(lienSonStaff));
    const record = (created.data?.createHealthRecord as { record: { id: string; recordNumber: string; administrative: Record<string, unknown> } }).record;
    expect(record).toMatchObject({ recordNumber: '04969-000001', administrative: { fullName: 'Nguyễn Thị Lan', phone: '0912345678', bloodType: 'O+' } });

    const VACCINATE = `mutation ($input: RecordVaccinationInput!) { recordVaccination(input: $input) { record { vaccinations { vaccine dose givenOn } } } }`;
    const dose = { recordId: record.id, vaccine: 'COVID-19 (AstraZeneca)', dose: 1, givenOn: '2021-09-02', place: 'Trạm y tế xã Liên Sơn' };
    const beforeBirth = await postGraphQL(hub.url, VACCINATE, { input: { ...dose, givenOn: '1989-01-01' } }, bearer(lienSonStaff));
    expect(beforeBirth.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.givenOn' });
    expect((await postGraphQL(hub.url, VACCINATE, { input: dose }, bearer(namThuongStaff))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const vaccinated = await postGraphQL(hub.url, VACCINATE, { input: dose }, bearer(lienSonStaff));
    expect(vaccinated.data?.recordVaccination).toEqual({ record: { vaccinations: [{ vaccine: 'COVID-19 (AstraZeneca)', dose: 1, givenOn: '2021-09-02' }] } });

    const EXAMINE = `mutation ($input: RecordExaminationInput!) { recordExamination(input: $input) { record { examinations { examinedOn conclusion icd10Code bloodPressure } } } }`;
    const exam = { recordId: record.id, examinedOn: '2021-12-10', examiner: 'Y sĩ trạm y tế', reason: 'Khám định kỳ', conclusion: 'Tăng huyết áp độ 1', icd10Code: 'i10', bloodPressure: '145/92' };
    const badPressure = await postGraphQL(hub.url, EXAMINE, { input: { ...exam, bloodPressure: '80/120' } }, bearer(lienSonStaff));
    expect(badPressure.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bloodPressure' });
    const examined = await postGraphQL(hub.url, EXAMINE, { input: exam }, bearer(lienSonStaff));
    expect(examined.data?.recordExamination).toEqual({ record: { examinations: [{ examinedOn: '2021-12-10', conclusion: 'Tăng huyết áp độ 1', icd10Code: 'I10', bloodPressure: '145/92' }] } });

    const HISTORY = `mutation ($input: AddHealthHistoryEntryInput!) { addHealthHistoryEntry(input: $input) { record { history { kind description icd10Code } } } }`;
    const history = await postGraphQL(hub.url, HISTORY, { input: { recordId: record.id, kind: 'ALLERGY', description: 'Dị ứng penicillin' } }, bearer(lienSonStaff));
    expect(history.data?.addHealthHistoryEntry).toEqual({ record: { history: [{ kind: 'ALLERGY', description: 'Dị ứng penicillin', icd10Code: null }] } });

    const stats = await postGraphQL(hub.url, `query { communeById(id: "04969/1") { healthRecordStats { records population coverage } } }`);
    expect((stats.data?.communeById as { healthRecordStats: unknown }).healthRecordStats).toEqual({ records: 1, population: 6215, coverage: 1 / 6215 });
    const audit = await postGraphQL(hub.url, AUDIT, { id: LIEN_SON, recordId: record.id }, bearer(lienSonStaff));
    const vias = (audit.data?.communeById as { healthRecordReads: Page<Read> }).healthRecordReads.edges.map((e) => e.node.via).sort();
    expect(vias).toEqual(['Mutation.addHealthHistoryEntry', 'Mutation.createHealthRecord', 'Mutation.recordExamination', 'Mutation.recordVaccination']);
  });
});
