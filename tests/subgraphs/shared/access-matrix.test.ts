import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { wrap, type EntityClass, type MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCell } from '../../../scripts/support/access-doc.js';
import { answers, CALLERS, HOP_KIM, NAM_THUONG, RELATION_NAMES, RELATIONS, ROW_OUTCOMES, type Caller, type Cell, type Relation } from '../../../scripts/support/access-matrix.js';
import { Producer } from '../../../subgraphs/commerce/catalogue/producer.entity.js';
import { Product } from '../../../subgraphs/commerce/catalogue/product.entity.js';
import { Listing } from '../../../subgraphs/commerce/listings/listing.entity.js';
import { ListingStatus } from '../../../subgraphs/commerce/listings/listing-status.js';
import { MatchRule, ReconciliationOutcome } from '../../../subgraphs/commerce/reconciliation/outcomes.js';
import { ReconciliationItem } from '../../../subgraphs/commerce/reconciliation/reconciliation-item.entity.js';
import { ReconciliationRun } from '../../../subgraphs/commerce/reconciliation/reconciliation-run.entity.js';
import { ShopConnection } from '../../../subgraphs/commerce/shops/shop-connection.entity.js';
import { VideoMeetingRoom } from '../../../subgraphs/devices/video/video-meeting-room.entity.js';
import { VideoMeeting } from '../../../subgraphs/devices/video/video-meeting.entity.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { RefusedRead } from '../../../subgraphs/shared/refused-read.entity.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { unitLineage } from '../../../subgraphs/shared/unit-lineage.js';
import { AnnouncementDelivery } from '../../../subgraphs/society/announcements/announcement-delivery.entity.js';
import { AnnouncementStatus, AudienceKind, ConsentChannel, DeliveryStatus, SubscriberChannel, SubscriptionStatus } from '../../../subgraphs/society/announcements/announcement-enums.js';
import { Announcement } from '../../../subgraphs/society/announcements/announcement.entity.js';
import { Subscriber } from '../../../subgraphs/society/announcements/subscriber.entity.js';
import { FieldReport } from '../../../subgraphs/society/field-reports/field-report.entity.js';
import { PostalDossierLink } from '../../../subgraphs/society/postal/postal-dossier-link.entity.js';
import { PostalPoint } from '../../../subgraphs/society/postal/postal-point.entity.js';
import { PostalDossierDirection, PostalService } from '../../../subgraphs/society/postal/postal.rules.js';
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

/** The fixture rows of a filtered list, per target unit: every one, those of the target's producer, the public ones. */
interface FixtureRows {
  all: string[];
  producers?: string[];
  public?: string[];
}
type RowFixtures = Record<string, Record<string, FixtureRows>>;

/**
 * How to read one restricted field: a query over a record of `unit`, and the path to the field. A
 * path step `#kind` is the element of a list whose id is the unit's fixture of that kind.
 */
interface Probe {
  query: string;
  path: string[];
  variables: (unit: string, fixtures: Fixtures) => Record<string, unknown>;
  /** The restricted field the probe reaches it through: where that one refuses, the caller meets its refusal first. */
  parent?: string;
  /** A filtered list: the fixture rows it answered with (ids), and which fixture rows to compare them with. */
  rows?: { kind: string; seen: (value: unknown) => string[] };
  /** The ids a refusal may be logged against (the record read, or the first of the list's records refused). */
  targets: (unit: string, fixtures: Fixtures, lists: FixtureLists) => string[];
}

/** Every id of a kind of seeded record of a unit (its postal points, its telehealth accounts), for refusals over a list. */
type FixtureLists = Record<string, Record<string, string[]>>;

const commune = (field: string, selection: string): Probe => ({
  query: `query ($id: ID!) { communeById(id: $id) { ${field} ${selection} } }`,
  path: ['communeById', field.split('(')[0]!],
  variables: (unit) => ({ id: unit }),
  targets: (unit) => [unit],
});
const byId = (query: string, field: string | null, selection: string, kind: string): Probe => ({
  query: `query ($id: ID!) { ${query}(id: $id) { ${field ? `id ${field} ${selection}` : selection} } }`,
  path: field ? [query, field] : [query],
  variables: (unit, fixtures) => ({ id: fixtures[kind]![unit] }),
  targets: (unit, fixtures) => [fixtures[kind]![unit]!],
});
/** A subgraph's whole refused-read log (admins only): refused against the query's name. */
const hubLog = (query: string): Probe => ({ query: `{ ${query}(first: 1) { totalCount } }`, path: [query], variables: () => ({}), targets: () => [query] });
const producerQuery = (field: string, selection: string): Probe => byId('producer', field, selection, 'producer');
const finance = (query: string, selection: string): Probe => ({ query: `{ ${query} ${selection} }`, path: [query.split('(')[0]!], variables: () => ({}), targets: () => [query.split('(')[0]!] });
type Edges = { edges: { node: { id: string } }[] } | null;
const edgeIds = (connection: unknown) => ((connection as Edges)?.edges ?? []).map((e) => e.node.id);
const ITEMS = 'items(first: 10) { edges { node { id } } }';
const PRODUCT_IDS = '{ edges { node { id } } }';
/** A run probe: the items seen of the fixture run (every version listed is that run: it has no other). */
const runItems = (runs: unknown) => ((runs ?? []) as { items: unknown }[]).flatMap((run) => edgeIds(run.items));
const RUN_ROWS = { kind: 'runItems', seen: (run: unknown) => edgeIds((run as { items: unknown } | null)?.items) };
const run = (selection: string, path: string[], extra: Partial<Probe> = {}): Probe => ({
  query: `query ($id: ID!) { reconciliationRun(id: $id) { id ${selection} } }`,
  path: ['reconciliationRun', ...path],
  variables: (_unit, fixtures) => ({ id: fixtures.run![HOP_KIM] }),
  targets: (_unit, fixtures) => [fixtures.run![HOP_KIM]!],
  ...extra,
});

/** A listing field is logged against the listing (the first of the product's refused). */
const listingTargets = (unit: string, _f: Fixtures, lists: FixtureLists) => lists.listings![unit]!;
/** The catalogue's lists are not audited (their rule says why): no refusal of theirs is logged. */
const NONE = () => [];

const PROBES: Record<string, Probe> = {
  'Commune.healthRecords': commune('healthRecords(first: 1)', '{ totalCount }'),
  'Commune.healthRecordReads': commune('healthRecordReads(first: 1)', '{ totalCount }'),
  'Query.healthRecord': byId('healthRecord', null, 'id', 'healthRecord'),
  'TelehealthAccount.consultations': { query: 'query ($id: ID!) { communeById(id: $id) { telehealthAccounts { consultations(first: 1) { totalCount } } } }', path: ['communeById', 'telehealthAccounts', '0', 'consultations'], variables: (unit) => ({ id: unit }), targets: (unit, _f, lists) => lists.telehealth![unit]! },
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
  'Commune.refusedCommerceReads': commune('refusedCommerceReads(first: 1)', '{ totalCount }'),
  'Query.refusedReads': hubLog('refusedReads'),
  'Query.refusedDeviceReads': hubLog('refusedDeviceReads'),
  'Query.refusedRecordReads': hubLog('refusedRecordReads'),
  'Query.refusedCommerceReads': hubLog('refusedCommerceReads'),
  'Query.portalPost': byId('portalPost', null, 'id', 'portalPost'),
  'PortalPost.author': byId('portalPost', 'author', '', 'publishedPost'),
  'PortalPost.reviewedBy': byId('portalPost', 'reviewedBy', '', 'publishedPost'),
  'PortalPost.rejectionReason': { ...byId('portalPost', 'rejectionReason', '', 'portalPost'), parent: 'Query.portalPost' },
  'Query.orders': { query: 'query ($p: ID!) { orders(producerId: $p, first: 1) { totalCount } }', path: ['orders'], variables: (unit, fixtures) => ({ p: fixtures.producer![unit] }), targets: (unit, fixtures) => [fixtures.producer![unit]!] },
  'Producer.contact': producerQuery('contact', '{ name }'),
  'Producer.members': producerQuery('members', '{ subject }'),
  'Producer.shopConnections': producerQuery('shopConnections', '{ marketplace }'),
  'Query.reconciliationAging': finance('reconciliationAging', '{ __typename }'),
  'Query.reconciliationOpenItems': finance('reconciliationOpenItems(first: 1)', '{ totalCount }'),
  'Query.reconciliationPeriods': finance('reconciliationPeriods', '{ __typename }'),
  'Commune.portalPosts': { ...commune('portalPosts(first: 50, includeUnpublished: true)', '{ edges { node { id } } }'), rows: { kind: 'portalPosts', seen: edgeIds } },
  'Query.announcement': byId('announcement', null, 'id', 'draftAnnouncement'),
  'Announcement.deliveries': byId('announcement', 'deliveries', '{ status maskedPhone }', 'sentAnnouncement'),
  'Commune.announcements': { ...commune('announcements(first: 50)', '{ edges { node { id } } }'), rows: { kind: 'announcements', seen: edgeIds } },
  'PostalPoint.dossiers': {
    query: 'query ($id: ID!) { communeById(id: $id) { postalPoints { id dossiers(year: 2024) { dossierId } } } }',
    path: ['communeById', 'postalPoints', '#postalPoint', 'dossiers'],
    variables: (unit) => ({ id: unit }),
    targets: (unit, _f, lists) => lists.postalPoints![unit]!,
  },
  // The product's live VOSO listing: every caller sees the product and that listing.
  'Listing.shopConnection': { ...byId('product', 'listings', '{ id shopConnection { marketplace } }', 'product'), path: ['product', 'listings', '#listing', 'shopConnection'], targets: listingTargets },
  'Listing.lastError': { ...byId('product', 'listings', '{ id lastError }', 'product'), path: ['product', 'listings', '#listing', 'lastError'], targets: listingTargets },
  // The catalogue's lists: the four fixture products of the unit (two per producer, one live and one draft each).
  'Query.products': { query: `{ products(search: "gao ma tran", first: 10) ${PRODUCT_IDS} }`, path: ['products'], variables: () => ({}), rows: { kind: 'products', seen: edgeIds }, targets: NONE },
  'Query.product': {
    query: 'query ($a: ID!, $b: ID!, $c: ID!, $d: ID!) { a: product(id: $a) { id } b: product(id: $b) { id } c: product(id: $c) { id } d: product(id: $d) { id } }',
    path: [],
    variables: (unit, fixtures) => ({ a: fixtures.product![unit], b: fixtures.draftProduct![unit], c: fixtures.otherProduct![unit], d: fixtures.otherDraftProduct![unit] }),
    rows: { kind: 'products', seen: (data) => Object.values(data as Record<string, { id: string } | null>).flatMap((p) => (p ? [p.id] : [])) },
    targets: NONE,
  },
  'Producer.products': {
    query: `query ($a: ID!, $b: ID!) { a: producer(id: $a) { products(first: 10) ${PRODUCT_IDS} } b: producer(id: $b) { products(first: 10) ${PRODUCT_IDS} } }`,
    path: [],
    variables: (unit, fixtures) => ({ a: fixtures.producer![unit], b: fixtures.otherProducer![unit] }),
    rows: { kind: 'products', seen: (data) => Object.values(data as Record<string, { products: unknown }>).flatMap((p) => edgeIds(p.products)) },
    targets: NONE,
  },
  'Commune.products': { ...commune('products(search: "gao ma tran", first: 10)', PRODUCT_IDS), rows: { kind: 'products', seen: edgeIds } },
  'Product.listings': {
    query: 'query ($a: ID!, $b: ID!) { a: product(id: $a) { listings { id } } b: product(id: $b) { listings { id } } }',
    path: [],
    variables: (unit, fixtures) => ({ a: fixtures.product![unit], b: fixtures.otherProduct![unit] }),
    rows: { kind: 'listings', seen: (data) => Object.values(data as Record<string, { listings: { id: string }[] } | null>).flatMap((p) => (p?.listings ?? []).map((l) => l.id)) },
    targets: NONE,
  },
  'Query.reconciliationRuns': {
    query: `{ reconciliationRuns(first: 10) { edges { node { id ${ITEMS} } } } }`,
    path: ['reconciliationRuns'],
    variables: () => ({}),
    targets: () => ['reconciliationRuns'],
    rows: { kind: 'runItems', seen: (runs) => runItems(((runs as { edges: { node: unknown }[] } | null)?.edges ?? []).map((e) => e.node)) },
  },
  'Query.reconciliationRun': run(ITEMS, [], { rows: RUN_ROWS }),
  'ReconciliationRun.versions': run(`versions { id ${ITEMS} }`, ['versions'], { parent: 'Query.reconciliationRun', rows: { kind: 'runItems', seen: runItems } }),
  'ReconciliationRun.items': run(ITEMS, ['items'], { parent: 'Query.reconciliationRun', rows: { kind: 'runItems', seen: edgeIds } }),
  'ReconciliationRun.summary': run('summary { __typename }', ['summary'], { parent: 'Query.reconciliationRun' }),
};

/** The value at a probe's path (undefined where the path does not reach). */
function walk(data: unknown, path: string[], unit: string, fixtures: Fixtures): unknown {
  let value = data;
  for (const key of path) {
    if (value === null) return null;
    value = key.startsWith('#') ? (value as { id: string }[] | undefined)?.find((row) => row.id === fixtures[key.slice(1)]![unit]) : (value as Record<string, unknown> | undefined)?.[key];
  }
  return value;
}

/** Which documented rows a filtered list answered with, by the fixture rows it saw. */
function rowsOutcome(seen: string[], expected: FixtureRows): Cell['outcome'] {
  const universe = new Set(expected.all);
  const got = [...new Set(seen.filter((id) => universe.has(id)))].sort().join(',');
  const same = (ids: string[] | undefined) => !!ids && [...ids].sort().join(',') === got;
  if (same(expected.all)) return ROW_OUTCOMES.all;
  if (same(expected.producers)) return ROW_OUTCOMES.producers;
  if (same(expected.public)) return ROW_OUTCOMES.public;
  return `rows [${got}]` as Cell['outcome'];
}

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
  const rowFixtures: RowFixtures = {};
  const lists: FixtureLists = {};
  const tokens = new Map<string, Record<string, string>>();

  const send = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = admin) => postGraphQL<T>(hub.url, query, variables, headers);
  const created = async (query: string, input: Record<string, unknown>, pick: (data: Record<string, unknown>) => string, headers = admin) => {
    const response = await send(query, { input }, headers);
    expect(response.errors, query).toBeUndefined();
    return pick(response.data as Record<string, unknown>);
  };
  /** The refused-read rows every subgraph wrote for one request, found by the x-request-id the probe sent. */
  const refusedReads = async (callerRequestId: string) => {
    const rows: RefusedRead[] = [];
    for (const name of ['society', 'devices', 'governance', 'commerce'] as const) {
      rows.push(...(await hub.subgraphs[name]!.orm.em.fork().find(RefusedRead, { callerRequestId })));
    }
    return rows;
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
      // A commune's portal lists its own posts (no lineage): the editors all of them, everyone else the published one.
      (rowFixtures.portalPosts ??= {})[unit] = { all: [post, published], public: [published] };
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
    await announcementFixtures(society.em.fork(), set);
    await postalFixtures(society.em.fork(), set);
    await listingFixtures(commerce, set);
    await reconciliationFixtures(commerce.em.fork(), set);
    // What a refusal over a list may name: any of the unit's postal points, telehealth accounts, the product's listings.
    for (const unit of [HOP_KIM, NAM_THUONG]) {
      type Seeded = { communeById: { postalPoints: { id: string }[]; telehealthAccounts: { id: string }[] } };
      const seeded = await send<Seeded>('query ($id: ID!) { communeById(id: $id) { postalPoints { id } telehealthAccounts { id } } }', { id: unit });
      expect(seeded.errors).toBeUndefined();
      (lists.postalPoints ??= {})[unit] = seeded.data!.communeById.postalPoints.map((p) => p.id);
      (lists.telehealth ??= {})[unit] = seeded.data!.communeById.telehealthAccounts.map((a) => a.id);
      (lists.listings ??= {})[unit] = rowFixtures.listings![unit]!.all;
    }
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
  /** A draft and a sent announcement (with one delivery) per unit; Hợp Kim's list covers Nam Thượng's too (lineage). */
  async function announcementFixtures(em: ReturnType<MikroORM['em']['fork']>, set: (kind: string, unit: string, id: string) => void) {
    const ids: Record<string, { draft: string; sent: string }> = {};
    for (const unit of [HOP_KIM, NAM_THUONG]) {
      const made = (status: AnnouncementStatus) => {
        const id = randomUUID();
        em.persist(Object.assign(new Announcement(), {
          id, communeId: unit, title: `Thông báo ma trận ${status}`, body: 'Nội dung', audienceKind: AudienceKind.EVERYONE, audience: [], emergency: false, status,
          createdBy: 'matrix-officer', createdAt: new Date('2024-05-01T01:00:00Z'), sentBy: status === AnnouncementStatus.SENT ? 'matrix-officer' : null, sentAt: status === AnnouncementStatus.SENT ? new Date('2024-05-01T02:00:00Z') : null, recipients: status === AnnouncementStatus.SENT ? 1 : 0,
        }));
        return id;
      };
      ids[unit] = { draft: made(AnnouncementStatus.DRAFT), sent: made(AnnouncementStatus.SENT) };
      const subscriber = randomUUID();
      em.persist(Object.assign(new Subscriber(), {
        id: subscriber, communeId: unit, phone: '0912345678', groups: [], channel: SubscriberChannel.SMS, status: SubscriptionStatus.SUBSCRIBED,
        consentAt: new Date('2024-04-01T01:00:00Z'), consentChannel: ConsentChannel.IN_PERSON, optOutCode: randomUUID().slice(0, 12), recordedBy: 'matrix-officer', createdAt: new Date('2024-04-01T01:00:00Z'),
      }));
      em.persist(Object.assign(new AnnouncementDelivery(), {
        id: randomUUID(), announcementId: ids[unit].sent, subscriberId: subscriber, channel: SubscriberChannel.SMS, clientMessageId: randomUUID(), status: DeliveryStatus.DELIVERED, attempts: 1, runAfter: 0, updatedAt: new Date(),
      }));
      set('draftAnnouncement', unit, ids[unit].draft);
      set('sentAnnouncement', unit, ids[unit].sent);
    }
    await em.flush();
    const hk = ids[HOP_KIM]!;
    const nt = ids[NAM_THUONG]!;
    (rowFixtures.announcements ??= {})[HOP_KIM] = { all: [hk.draft, hk.sent, nt.draft, nt.sent], public: [hk.sent, nt.sent] };
    rowFixtures.announcements[NAM_THUONG] = { all: [nt.draft, nt.sent], public: [nt.sent] };
  }

  /** A postal point per unit with a dossier received there in 2024. */
  async function postalFixtures(em: ReturnType<MikroORM['em']['fork']>, set: (kind: string, unit: string, id: string) => void) {
    for (const unit of [HOP_KIM, NAM_THUONG]) {
      const point = randomUUID();
      em.persist(Object.assign(new PostalPoint(), { id: point, communeId: unit, name: `Điểm ma trận ${unit}`, address: 'Trung tâm xã', services: [PostalService.PUBLIC_SERVICE_DOSSIERS], openingHours: '7:00-17:00' }));
      em.persist(Object.assign(new PostalDossierLink(), { id: randomUUID(), pointId: point, dossierId: `MATRIX-${randomUUID().slice(0, 8)}`, direction: PostalDossierDirection.RECEIVED, at: new Date('2024-03-05T02:00:00Z') }));
      set('postalPoint', unit, point);
    }
    await em.flush();
  }

  /**
   * Each unit has two producers, the target's and another, each with a live product (PUBLISHED on VOSO,
   * a DRAFT on POSTMART) and a draft product (no listing). The target producer's VOSO listing carries a
   * sync error, and the producer has its own (pending) VOSO shop.
   */
  async function listingFixtures(orm: MikroORM, set: (kind: string, unit: string, id: string) => void) {
    for (const unit of [HOP_KIM, NAM_THUONG]) {
      const other = await copyInto(orm, Producer, fixtures.producer![unit]!, { name: 'Hộ khác ma trận', communeId: unit } as Partial<Producer>);
      set('otherProducer', unit, other);
      const em = orm.em.fork();
      const product = (producerId: string) => {
        const id = randomUUID().slice(0, 32);
        em.persist(Object.assign(new Product(), { id, producerId, communeId: unit, sellerSku: `MATRIX-${id.slice(0, 8)}`, name: 'Gạo ma trận', nameSearch: 'gao ma tran', category: 'rice', unit: 'kg', priceVnd: 25_000, stock: 10 }));
        return id;
      };
      const listing = (productId: string, marketplace: string, status: ListingStatus, lastError: string | null = null) => {
        const id = randomUUID().slice(0, 32);
        em.persist(Object.assign(new Listing(), { id, productId, marketplace, status, lastError, externalId: status === ListingStatus.PUBLISHED ? `voso-${id.slice(0, 8)}` : null }));
        return id;
      };
      const [live, draft, otherLive, otherDraft] = [product(fixtures.producer![unit]!), product(fixtures.producer![unit]!), product(other), product(other)];
      const [voso, postmart] = [listing(live, 'VOSO', ListingStatus.PUBLISHED, 'TRANSIENT: 503 ma trận'), listing(live, 'POSTMART', ListingStatus.DRAFT)];
      const [otherVoso, otherPostmart] = [listing(otherLive, 'VOSO', ListingStatus.PUBLISHED), listing(otherLive, 'POSTMART', ListingStatus.DRAFT)];
      em.persist(Object.assign(new ShopConnection(), { id: randomUUID().slice(0, 32), producerId: fixtures.producer![unit]!, marketplace: 'VOSO' }));
      await em.flush();
      set('product', unit, live);
      set('draftProduct', unit, draft);
      set('otherProduct', unit, otherLive);
      set('otherDraftProduct', unit, otherDraft);
      set('listing', unit, voso);
      // The target producer's members see its drafts besides the public rows; only admins see the other producer's drafts.
      (rowFixtures.products ??= {})[unit] = { all: [live, draft, otherLive, otherDraft], producers: [live, draft, otherLive], public: [live, otherLive] };
      (rowFixtures.listings ??= {})[unit] = { all: [voso, postmart, otherVoso, otherPostmart], producers: [voso, postmart, otherVoso], public: [voso, otherVoso] };
    }
  }

  /** One run of three items: the Hợp Kim producer's, another producer's, and one concerning no producer. */
  async function reconciliationFixtures(em: ReturnType<MikroORM['em']['fork']>, set: (kind: string, unit: string, id: string) => void) {
    const runId = randomUUID();
    em.persist(Object.assign(new ReconciliationRun(), {
      id: runId, provider: 'viettel-money', periodStart: '2024-05-01', periodEnd: '2024-05-01', periodLabel: '2024-05-01', fileName: 'matrix.csv', fileSha256: 'a'.repeat(64), importedAt: new Date(), currentKey: 'viettel-money|2024-05-01',
      importedBy: 'matrix-finance', ledgerSource: 'expected_payment', toleranceMinutes: 120, statementRows: 3, ignoredRows: 0, statementGrossVnd: 0, reversedVnd: 0, statementFeeVnd: 0, expectedVnd: 0, matchedVnd: 0,
      matchedCount: 0, amountMismatchCount: 0, missingInStatementCount: 0, missingInLedgerCount: 3, duplicateCount: 0,
    }));
    const keys = [`|${fixtures.producer![HOP_KIM]}|`, '|matrix-other-producer|', ''];
    const items = keys.map((producerKey, seq) => Object.assign(new ReconciliationItem(), {
      runId, seq, outcome: ReconciliationOutcome.MISSING_IN_LEDGER, rule: MatchRule.UNPAIRED, referencesJson: '[]', transactionIdsJson: '[]', linesJson: '[]', expectedPaymentIdsJson: '[]', producerKey, paidVnd: 10_000 * (seq + 1), reversedVnd: 0, feeVnd: 0, expectedVnd: 0,
    }));
    em.persist(items);
    await em.flush();
    const ids = items.map((i) => String(i.id));
    for (const unit of [HOP_KIM, NAM_THUONG]) {
      set('run', unit, runId);
      (rowFixtures.runItems ??= {})[unit] = { all: ids, producers: [ids[0]!] };
    }
  }

  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  /**
   * What the gateway answered for one cell: the field's error code, null, or a value; `logged` when the
   * request left refused-read rows (`rows`, found by the probe's own x-request-id).
   */
  async function observe(field: string, caller: Caller, relation: Relation): Promise<Cell & { rows: RefusedRead[] }> {
    const probe = PROBES[field]!;
    const { unit } = RELATIONS[relation];
    const probeId = randomUUID();
    const headers = { ...(caller === 'anonymous' ? {} : tokens.get(`${caller}:${relation}`)!), 'x-request-id': probeId };
    const response = await send(probe.query, probe.variables(unit, fixtures), headers);
    const rows = await refusedReads(probeId);
    const logged = rows.length > 0;
    const wanted = probe.path.join('.');
    const error = response.errors?.find((e) => {
      const at = (e.path ?? []).map(String).join('.');
      return wanted.startsWith(at) || at.startsWith(wanted);
    });
    if (error) return { outcome: String(error.extensions?.code) as Cell['outcome'], logged, rows };
    // A null on the way (the field, or the parent that hides it) is a null answer.
    const value = walk(response.data, probe.path, unit, fixtures);
    expect(value, `${field} ${caller} ${relation}: the probe reaches the field`).not.toBeUndefined();
    if (value !== null && probe.rows) return { outcome: rowsOutcome(probe.rows.seen(value), rowFixtures[probe.rows.kind]![unit]!), logged, rows };
    return { outcome: value === null ? 'null' : 'allowed', logged, rows };
  }

  it('documents exactly the fields the probes read, and every fixture answers an admin', async () => {
    const documented = documentedMatrix();
    expect([...documented.keys()].sort()).toEqual(Object.keys(PROBES).sort());
    for (const field of Object.keys(PROBES)) {
      for (const relation of ['own', 'predecessor'] as const) {
        const probe = PROBES[field]!;
        const response = await send(probe.query, probe.variables(RELATIONS[relation].unit, fixtures));
        expect(response.errors, `${field} as admin on ${relation}`).toBeUndefined();
        const value = walk(response.data, probe.path, RELATIONS[relation].unit, fixtures);
        expect(value ?? null, `${field} as admin on ${relation}`).not.toBeNull();
        // A filtered list answers an admin with every fixture row: the probe sees the rows it compares.
        if (probe.rows) expect(rowsOutcome(probe.rows.seen(value), rowFixtures[probe.rows.kind]![RELATIONS[relation].unit]!), `${field} as admin on ${relation}`).toBe(ROW_OUTCOMES.all);
      }
    }
  });

  it('answers every cell of docs/access.md as documented: allowed, null or the error code, and a refused-read row naming the caller, field and target where it says logged', async () => {
    const documented = documentedMatrix();
    const differences: string[] = [];
    let loggedCells = 0;
    let documentedLogged = 0;
    for (const [field, rows] of documented) {
      for (const caller of CALLERS) {
        for (const relation of RELATION_NAMES) {
          const parent = PROBES[field]!.parent;
          const parentCell = parent ? documented.get(parent)?.get(caller)?.get(relation) : undefined;
          // Reached through a refused parent, the caller gets the parent's refusal (and its log row).
          const parentRefused = !!parentCell && !answers(parentCell);
          const expected = parentRefused ? parentCell : rows.get(caller)?.get(relation);
          if (expected?.logged) documentedLogged += 1;
          const actual = await observe(field, caller, relation);
          const cell = { outcome: actual.outcome, logged: actual.logged };
          if (!expected || expected.outcome !== cell.outcome || expected.logged !== cell.logged) {
            differences.push(`${field} | ${caller} | ${relation}: documented ${JSON.stringify(expected)}, got ${JSON.stringify(cell)}`);
          } else if (actual.logged) {
            // The one row of the refusal: who (subject null when anonymous), with which roles, which field, which
            // record, under the unit read or one merged into it (a list over the lineage names its first refusal).
            loggedCells += 1;
            const { unit } = RELATIONS[relation];
            const want = {
              subject: caller === 'anonymous' ? null : `matrix-${caller}-${relation}`,
              roles: caller === 'anonymous' ? '' : caller,
              field: parentRefused ? parent : field,
            };
            const targets = PROBES[parentRefused ? parent! : field]!.targets(unit, fixtures, lists);
            const got = actual.rows.map((r) => ({ subject: r.subject ?? null, roles: r.roles, field: r.field }));
            const row = actual.rows[0]!;
            if (actual.rows.length !== 1 || JSON.stringify(got[0]) !== JSON.stringify(want) || !targets.includes(row.target) || (row.communeId != null && !unitLineage().lineageOf(unit).includes(row.communeId))) {
              differences.push(`${field} | ${caller} | ${relation}: logged ${JSON.stringify(actual.rows.map((r) => ({ ...got[0], target: r.target, communeId: r.communeId, count: r.count })))}, wanted one row ${JSON.stringify(want)} for ${targets.join(' or ')}`);
            }
          }
        }
      }
    }
    expect(differences).toEqual([]);
    // Every logged cell had its row checked.
    expect(loggedCells).toBe(documentedLogged);
  }, 900_000);
});
