import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { wrap, type EntityClass, type MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCell } from '../../../scripts/support/access-doc.js';
import { CALLERS, HOP_KIM, NAM_THUONG, RELATION_NAMES, RELATIONS, type Caller, type Cell, type Relation } from '../../../scripts/support/access-matrix.js';
import { Producer } from '../../../subgraphs/commerce/catalogue/producer.entity.js';
import { VideoMeetingRoom } from '../../../subgraphs/devices/video/video-meeting-room.entity.js';
import { VideoMeeting } from '../../../subgraphs/devices/video/video-meeting.entity.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { RefusedRead } from '../../../subgraphs/shared/refused-read.entity.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { FieldReport } from '../../../subgraphs/society/field-reports/field-report.entity.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

/** docs/access.md's tables, read back: field → caller → relation → cell. */
function documentedMatrix(): Map<string, Map<string, Map<string, Cell>>> {
  const text = readFileSync(path.join(process.cwd(), 'docs/access.md'), 'utf8');
  const matrix = new Map<string, Map<string, Map<string, Cell>>>();
  for (const section of text.split('\n### ').slice(1)) {
    const [field, ...lines] = section.split('\n');
    const header = lines.find((l) => l.startsWith('| caller |'))!.split('|').slice(2, -1).map((s) => s.trim());
    const rows = new Map<string, Map<string, Cell>>();
    for (const line of lines.filter((l) => /^\| [a-z_]+ \|/.test(l) && !l.startsWith('| caller'))) {
      const [caller, ...cells] = line.split('|').slice(1, -1).map((s) => s.trim());
      rows.set(caller!, new Map(cells.map((c, i) => [header[i]!, parseCell(c)])));
    }
    matrix.set(field!.trim(), rows);
  }
  return matrix;
}

/** The ids of the records each probe reads, per target unit. */
type Fixtures = Record<string, Record<string, string>>;

/** How to read one restricted field: a query over a record of `unit`, and the path to the field. */
interface Probe {
  query: string;
  path: string[];
  variables: (unit: string, fixtures: Fixtures) => Record<string, unknown>;
  /** The restricted field the probe reaches it through: where that one refuses, the caller meets its refusal first. */
  parent?: string;
}

const commune = (field: string, selection: string): Probe => ({
  query: `query ($id: ID!) { communeById(id: $id) { ${field} ${selection} } }`,
  path: ['communeById', field.split('(')[0]!],
  variables: (unit) => ({ id: unit }),
});
const byId = (query: string, field: string | null, selection: string, kind: string): Probe => ({
  query: `query ($id: ID!) { ${query}(id: $id) { ${field ? `id ${field} ${selection}` : selection} } }`,
  path: field ? [query, field] : [query],
  variables: (unit, fixtures) => ({ id: fixtures[kind]![unit] }),
});
const producerQuery = (field: string, selection: string): Probe => byId('producer', field, selection, 'producer');
const finance = (query: string, selection: string): Probe => ({ query: `{ ${query} ${selection} }`, path: [query.split('(')[0]!], variables: () => ({}) });

const PROBES: Record<string, Probe> = {
  'Commune.healthRecords': commune('healthRecords(first: 1)', '{ totalCount }'),
  'Commune.healthRecordReads': commune('healthRecordReads(first: 1)', '{ totalCount }'),
  'Query.healthRecord': byId('healthRecord', null, 'id', 'healthRecord'),
  'TelehealthAccount.consultations': { query: 'query ($id: ID!) { communeById(id: $id) { telehealthAccounts { consultations(first: 1) { totalCount } } } }', path: ['communeById', 'telehealthAccounts', '0', 'consultations'], variables: (unit) => ({ id: unit }) },
  'FieldReport.reporter': byId('fieldReport', 'reporter', '{ name }', 'fieldReport'),
  'Commune.announcementSubscribers': commune('announcementSubscribers(first: 1)', '{ totalCount }'),
  'Commune.announcementSubscriberStats': commune('announcementSubscriberStats', '{ __typename }'),
  'Commune.refusedReads': commune('refusedReads(first: 1)', '{ totalCount }'),
  'Camera.streamUrl': byId('camera', 'streamUrl', '', 'camera'),
  'VideoMeeting.recordingUrl': byId('videoMeeting', 'recordingUrl', '', 'meeting'),
  'Commune.refusedDeviceReads': commune('refusedDeviceReads(first: 1)', '{ totalCount }'),
  'Query.dossier': byId('dossier', null, 'id', 'dossier'),
  'Dossier.applicant': { ...byId('dossier', 'applicant', '{ name }', 'dossier'), parent: 'Query.dossier' },
  'Dossier.history': { ...byId('dossier', 'history', '{ toStatus }', 'dossier'), parent: 'Query.dossier' },
  'Commune.dossiers': commune('dossiers(first: 1)', '{ totalCount }'),
  'Query.document': byId('document', null, 'id', 'document'),
  'Commune.documents': commune('documents(first: 1)', '{ totalCount }'),
  'Commune.informationAlerts': commune('informationAlerts(first: 1)', '{ totalCount }'),
  'Commune.refusedRecordReads': commune('refusedRecordReads(first: 1)', '{ totalCount }'),
  'Query.portalPost': byId('portalPost', null, 'id', 'portalPost'),
  'PortalPost.author': byId('portalPost', 'author', '', 'publishedPost'),
  'PortalPost.reviewedBy': byId('portalPost', 'reviewedBy', '', 'publishedPost'),
  'PortalPost.rejectionReason': { ...byId('portalPost', 'rejectionReason', '', 'portalPost'), parent: 'Query.portalPost' },
  'Query.orders': { query: 'query ($p: ID!) { orders(producerId: $p, first: 1) { totalCount } }', path: ['orders'], variables: (unit, fixtures) => ({ p: fixtures.producer![unit] }) },
  'Producer.contact': producerQuery('contact', '{ name }'),
  'Producer.members': producerQuery('members', '{ subject }'),
  'Producer.shopConnections': producerQuery('shopConnections', '{ marketplace }'),
  'Query.reconciliationAging': finance('reconciliationAging', '{ __typename }'),
  'Query.reconciliationOpenItems': finance('reconciliationOpenItems(first: 1)', '{ totalCount }'),
  'Query.reconciliationPeriods': finance('reconciliationPeriods', '{ __typename }'),
};

/** A row copied into another unit (a record the public mutations no longer accept for an ended unit). */
async function copyInto<T extends object>(orm: MikroORM, entity: EntityClass<T>, id: string, changes: Partial<T>): Promise<string> {
  const em = orm.em.fork();
  const row = await em.findOneOrFail(entity, { id } as never);
  const copy = em.create(entity, { ...(wrap(row).toObject() as object), id: randomUUID().slice(0, 32), ...changes } as never);
  await em.flush();
  return (copy as { id: string }).id;
}

describe('the access matrix: every restricted field, every role, every relation, through the gateway, as docs/access.md says', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let admin: Record<string, string>;
  const fixtures: Fixtures = {};
  const tokens = new Map<string, Record<string, string>>();

  const send = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = admin) => postGraphQL<T>(hub.url, query, variables, headers);
  const created = async (query: string, input: Record<string, unknown>, pick: (data: Record<string, unknown>) => string, headers = admin) => {
    const response = await send(query, { input }, headers);
    expect(response.errors, query).toBeUndefined();
    return pick(response.data as Record<string, unknown>);
  };
  const refusedReads = async () => {
    let total = 0;
    for (const name of ['society', 'devices', 'governance'] as const) {
      total += await hub.subgraphs[name]!.orm.em.fork().count(RefusedRead, {});
    }
    return total;
  };

  beforeAll(async () => {
    // PostgreSQL when TEST_DATABASE_URL is set (CI), else the embedded SQLite files.
    env = await createTestEnvironment({ postgres: Boolean(TEST_DATABASE_URL) });
    hub = await startHub({ env });
    admin = bearer(await signHubToken(env.config, { subject: 'matrix-admin', roles: [Role.ADMIN] }));
    const chair = bearer(await signHubToken(env.config, { subject: 'matrix-chair', roles: [Role.ADMIN] }));
    const society = hub.subgraphs.society!.orm;
    const devices = hub.subgraphs.devices!.orm;
    const commerce = hub.subgraphs.commerce!.orm;
    const set = (kind: string, unit: string, id: string) => ((fixtures[kind] ??= {})[unit] = id);
    type Data = Record<string, Record<string, Record<string, string>>>;
    for (const [unit, year] of [[HOP_KIM, '2026'], [NAM_THUONG, '2024']] as const) {
      set('healthRecord', unit, await created('mutation ($input: CreateHealthRecordInput!) { createHealthRecord(input: $input) { record { id } } }', { communeId: unit, fullName: 'Bùi Thị Ma Trận', sex: 'FEMALE', birthDate: '1980-01-01' }, (d) => (d as Data).createHealthRecord!.record!.id!));
      set('camera', unit, await created('mutation ($input: AddCameraInput!) { addCamera(input: $input) { camera { id } } }', { communeId: unit, name: `Cổng ${unit}`, location: 'Cổng UBND', purpose: 'SECURITY', feeds: ['POLICE'], streamUrl: `rtsp://10.0.5.9/${unit}`, state: 'INSTALLED' }, (d) => (d as Data).addCamera!.camera!.id!));
      const dossier = await created('mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id } } }', {
        communeId: unit, code: `H55.${unit.replace('/', '-')}-MATRIX`, procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', procedureField: 'Hộ tịch', channel: 'ONLINE', onlineLevel: 'FULL',
        receivedAt: `${year}-03-05T08:30:00+07:00`, dueAt: `${year}-03-06T17:00:00+07:00`, applicant: { name: 'Bùi Văn Ma Trận', idNumber: '017090000009' },
      }, (d) => (d as Data).receiveDossier!.dossier!.id!);
      set('dossier', unit, dossier);
      set('document', unit, await created('mutation ($input: IssueOutgoingDocumentInput!) { issueOutgoingDocument(input: $input) { document { id } } }', {
        communeId: unit, symbol: 'QĐ-UBND', documentType: 'DECISION', issuedOn: `${year}-03-05`, issuedPlace: 'Xã', issuingBody: 'UBND xã', subject: 'Quyết định thử ma trận', signerName: 'Nguyễn Văn An', signerPosition: 'Chủ tịch', recipients: ['Lưu: VT'],
      }, (d) => (d as Data).issueOutgoingDocument!.document!.id!));
      const post = await created('mutation ($input: DraftPortalPostInput!) { draftPortalPost(input: $input) { portalPost { id } } }', { communeId: unit, category: 'PLANS_REPORTS', title: 'Bản nháp ma trận', body: 'Nội dung', publishAt: `${year}-01-01T01:00:00Z` }, (d) => (d as Data).draftPortalPost!.portalPost!.id!);
      await created('mutation ($input: ReviewPortalPostInput!) { rejectPortalPost(input: $input) { portalPost { id } } }', { id: post, reason: 'Thiếu số liệu' }, (d) => (d as Data).rejectPortalPost!.portalPost!.id!, chair);
      set('portalPost', unit, post);
      const published = await created('mutation ($input: DraftPortalPostInput!) { draftPortalPost(input: $input) { portalPost { id } } }', { communeId: unit, category: 'PLANS_REPORTS', title: 'Bài đăng ma trận', body: 'Nội dung', publishAt: `${year}-01-01T01:00:00Z` }, (d) => (d as Data).draftPortalPost!.portalPost!.id!);
      await created('mutation ($input: ReviewPortalPostInput!) { approvePortalPost(input: $input) { portalPost { id } } }', { id: published }, (d) => (d as Data).approvePortalPost!.portalPost!.id!, chair);
      set('publishedPost', unit, published);
      const meeting = randomUUID();
      const em = devices.em.fork();
      em.persist(Object.assign(new VideoMeeting(), { id: meeting, title: 'Họp ma trận', level: 'COMMUNE', hostUnit: 'UBND xã', scheduledStart: new Date(), scheduledEnd: new Date(), status: 'HELD', recordingUrl: `https://rec.example/${meeting}` }));
      em.persist(Object.assign(new VideoMeetingRoom(), { id: randomUUID(), meetingId: meeting, roomId: randomUUID(), communeId: unit, attendees: 3 }));
      await em.flush();
      set('meeting', unit, meeting);
    }
    const report = await send<{ submitFieldReport: { report: { id: string } } }>(
      'mutation ($input: SubmitFieldReportInput!) { submitFieldReport(input: $input) { report { id } } }',
      { input: { communeId: HOP_KIM, category: 'ENVIRONMENTAL_SANITATION', description: 'Rác đổ trộm ở cổng chợ', location: { address: 'Xóm Mới' }, reporter: { name: 'Bùi Văn An', phone: '0912 345 678' } } },
    );
    expect(report.errors).toBeUndefined();
    set('fieldReport', HOP_KIM, report.data!.submitFieldReport.report.id);
    set('fieldReport', NAM_THUONG, await copyInto(society, FieldReport, report.data!.submitFieldReport.report.id, { communeId: NAM_THUONG, receiptCode: 'MATRIX-NT' } as Partial<FieldReport>));
    const producer = await created('mutation ($input: CreateProducerInput!) { createProducer(input: $input) { producer { id } } }', { kind: 'HOUSEHOLD', name: 'Hộ ma trận', communeId: HOP_KIM }, (d) => (d as Data).createProducer!.producer!.id!);
    set('producer', HOP_KIM, producer);
    set('producer', NAM_THUONG, await copyInto(commerce, Producer, producer, { communeId: NAM_THUONG } as Partial<Producer>));
    for (const relation of RELATION_NAMES) {
      for (const caller of CALLERS) {
        if (caller === 'anonymous') continue;
        const { claims, unit } = RELATIONS[relation] as { claims: { communeCodes?: string[]; provinceCodes?: string[]; producerOfTarget?: boolean }; unit: string };
        tokens.set(`${caller}:${relation}`, bearer(await signHubToken(env.config, {
          subject: `matrix-${caller}-${relation}`,
          roles: [caller],
          communeCodes: claims.communeCodes,
          provinceCodes: claims.provinceCodes,
          producerIds: claims.producerOfTarget ? [fixtures.producer![unit]!] : [],
        })));
      }
    }
  }, 600_000);
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  /** What the gateway answered for one cell: the field's error code, null, or a value. */
  async function observe(field: string, caller: Caller, relation: Relation): Promise<Cell> {
    const probe = PROBES[field]!;
    const { unit } = RELATIONS[relation];
    const headers = caller === 'anonymous' ? {} : tokens.get(`${caller}:${relation}`)!;
    const before = await refusedReads();
    const response = await send(probe.query, probe.variables(unit, fixtures), headers);
    const logged = (await refusedReads()) > before;
    const wanted = probe.path.join('.');
    const error = response.errors?.find((e) => {
      const at = (e.path ?? []).map(String).join('.');
      return wanted.startsWith(at) || at.startsWith(wanted);
    });
    if (error) return { outcome: String(error.extensions?.code) as Cell['outcome'], logged };
    // A null on the way (the field, or the parent that hides it) is a null answer.
    let value: unknown = response.data;
    for (const key of probe.path) value = value === null ? null : (value as Record<string, unknown> | undefined)?.[key];
    expect(value, `${field} ${caller} ${relation}: the probe reaches the field`).not.toBeUndefined();
    return { outcome: value === null ? 'null' : 'allowed', logged };
  }

  it('documents exactly the fields the probes read, and every fixture answers an admin', async () => {
    const documented = documentedMatrix();
    expect([...documented.keys()].sort()).toEqual(Object.keys(PROBES).sort());
    for (const field of Object.keys(PROBES)) {
      for (const relation of ['own', 'predecessor'] as const) {
        const probe = PROBES[field]!;
        const response = await send(probe.query, probe.variables(RELATIONS[relation].unit, fixtures));
        expect(response.errors, `${field} as admin on ${relation}`).toBeUndefined();
        let value: unknown = response.data;
        for (const key of probe.path) value = (value as Record<string, unknown> | null)?.[key];
        expect(value ?? null, `${field} as admin on ${relation}`).not.toBeNull();
      }
    }
  });

  it('answers every cell of docs/access.md as documented: allowed, null or the error code, and a refused-read row where it says logged', async () => {
    const documented = documentedMatrix();
    const differences: string[] = [];
    for (const [field, rows] of documented) {
      for (const caller of CALLERS) {
        for (const relation of RELATION_NAMES) {
          const parent = PROBES[field]!.parent;
          const parentCell = parent ? documented.get(parent)?.get(caller)?.get(relation) : undefined;
          // Reached through a refused parent, the caller gets the parent's refusal (and its log row).
          const expected = parentCell && parentCell.outcome !== 'allowed' ? parentCell : rows.get(caller)?.get(relation);
          const actual = await observe(field, caller, relation);
          if (!expected || expected.outcome !== actual.outcome || expected.logged !== actual.logged) {
            differences.push(`${field} | ${caller} | ${relation}: documented ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
          }
        }
      }
    }
    expect(differences).toEqual([]);
  }, 900_000);
});
