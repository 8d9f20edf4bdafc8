import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../subgraphs/shared/roles.js';
import { todayInVietnam } from '../../../core/time.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { addDays } from '../../../subgraphs/society/common/calendar-days.js';
import { FieldReport, FieldReportStatus } from '../../../subgraphs/society/field-reports/field-report.entity.js';
import { ANONYMOUS_LIMITS } from '../../../subgraphs/society/field-reports/anonymous-limit.rules.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL, type GraphQLResponse } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const NAM_THUONG = '05068/2';
const LIEN_SON = '04960/2';

const REPORT_FIELDS = 'id status assignedUnit refusalReason resolution reopenCount receivedAt dueAt resolvedAt resolvedOnTime overdue history { action fromStatus toStatus note }';

const SUBMIT = `mutation ($input: SubmitFieldReportInput!) { submitFieldReport(input: $input) { receiptCode report { ${REPORT_FIELDS} category description photoUrls location { address latitude longitude } commune { id name } } } }`;
const ASSIGN = `mutation ($id: ID!, $unit: String!) { assignFieldReport(input: { reportId: $id, unit: $unit }) { report { ${REPORT_FIELDS} } } }`;
const START = `mutation ($id: ID!) { startFieldReport(input: { reportId: $id }) { report { ${REPORT_FIELDS} } } }`;
const RESOLVE = `mutation ($id: ID!, $text: String!) { resolveFieldReport(input: { reportId: $id, resolution: $text }) { report { ${REPORT_FIELDS} } } }`;
const REFUSE = `mutation ($id: ID!, $text: String!) { refuseFieldReport(input: { reportId: $id, reason: $text }) { report { ${REPORT_FIELDS} } } }`;
const REOPEN = `mutation ($code: String!, $text: String!) { reopenFieldReport(input: { receiptCode: $code, reason: $text }) { report { ${REPORT_FIELDS} } } }`;
const BY_RECEIPT = `query ($code: String!) { fieldReportByReceipt(receiptCode: $code) { ${REPORT_FIELDS} } }`;
const STATS = `query ($id: ID!) { communeById(id: $id) { name fieldReportStats { received open resolved resolvedOnTime resolvedOnTimeRate refused overdueNow } } }`;

type ReportPage = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] };
type Report = { id: string; status: string; history: { action: string; fromStatus: string | null; toStatus: string; note: string | null }[] } & Record<string, unknown>;

function report(result: GraphQLResponse, field: string): Report {
  expect(result.errors).toBeUndefined();
  return (result.data?.[field] as { report: Report }).report;
}

function input(overrides: Record<string, unknown> = {}) {
  return {
    communeId: NAM_THUONG,
    category: 'ENVIRONMENTAL_SANITATION',
    description: 'Rác thải đổ trộm ven suối đầu xóm, bốc mùi nhiều ngày.',
    location: { address: 'Ven suối, đầu Xóm 3', latitude: 20.62, longitude: 105.53 },
    photoUrls: ['https://example.org/photos/rac-1.jpg'],
    reporter: { name: 'Bùi Văn An', phone: '0912 345 678' },
    ...overrides,
  };
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI). */
const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);

describe.each(DIALECTS)('society through the gateway: field reports (%s)', (dialect) => {
  let env: TestEnvironment;
  let hub: TestHub;
  let officer: string;
  let otherOfficer: string;
  let citizen: string;

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    hub = await startHub({ env, subgraphs: ['governance', 'society'], seed: true });
    officer = await signHubToken(env.config, { subject: 'officer-nt', roles: [Role.OFFICER], communeCodes: ['05068'] });
    otherOfficer = await signHubToken(env.config, { subject: 'officer-ls', roles: [Role.OFFICER], communeCodes: ['04960'] });
    citizen = await signHubToken(env.config, { subject: 'citizen-1', roles: [] });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('goes received → assigned → in progress → resolved, is reopened by its reporter, then refused with a reason and reopened again', async () => {
    const sent = await postGraphQL(hub.url, SUBMIT, { input: input() });
    const submitted = sent.data?.submitFieldReport as { receiptCode: string; report: Report };
    expect(sent.errors).toBeUndefined();
    expect(submitted.receiptCode).toMatch(/^PA-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(submitted.report).toMatchObject({ status: 'RECEIVED', commune: { id: NAM_THUONG, name: 'Hợp Kim' }, location: { address: 'Ven suối, đầu Xóm 3' } });
    const id = submitted.report.id;
    const workingDays = (Date.parse(submitted.report.dueAt as string) - Date.parse(submitted.report.receivedAt as string)) / 86_400_000;
    expect(workingDays).toBeGreaterThanOrEqual(5);
    expect(workingDays).toBeLessThanOrEqual(9);

    expect(report(await postGraphQL(hub.url, ASSIGN, { id, unit: 'Ban Văn hóa - Xã hội' }, bearer(officer)), 'assignFieldReport')).toMatchObject({ status: 'ASSIGNED', assignedUnit: 'Ban Văn hóa - Xã hội' });
    expect(report(await postGraphQL(hub.url, START, { id }, bearer(officer)), 'startFieldReport').status).toBe('IN_PROGRESS');
    const resolved = report(await postGraphQL(hub.url, RESOLVE, { id, text: 'Đã thu gom rác, đặt biển cấm đổ rác.' }, bearer(officer)), 'resolveFieldReport');
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedOnTime: true, resolution: 'Đã thu gom rác, đặt biển cấm đổ rác.' });

    const followed = await postGraphQL(hub.url, BY_RECEIPT, { code: submitted.receiptCode.toLowerCase().replace(/-/g, ' ') });
    expect((followed.data?.fieldReportByReceipt as Report).status).toBe('RESOLVED');

    const reopened = report(await postGraphQL(hub.url, REOPEN, { code: submitted.receiptCode, text: 'Rác lại bị đổ sau hai ngày.' }), 'reopenFieldReport');
    expect(reopened).toMatchObject({ status: 'RECEIVED', reopenCount: 1, resolvedAt: null, resolution: null });

    const refused = report(await postGraphQL(hub.url, REFUSE, { id, text: 'Trùng với phản ánh đang xử lý của thôn.' }, bearer(officer)), 'refuseFieldReport');
    expect(refused).toMatchObject({ status: 'REFUSED', refusalReason: 'Trùng với phản ánh đang xử lý của thôn.' });
    const again = report(await postGraphQL(hub.url, REOPEN, { code: submitted.receiptCode, text: 'Không trùng: địa điểm khác.' }), 'reopenFieldReport');
    expect(again).toMatchObject({ status: 'RECEIVED', reopenCount: 2, refusalReason: null });
    expect(again.history.map((h) => `${h.action}:${h.toStatus}`)).toEqual([
      'SUBMIT:RECEIVED', 'ASSIGN:ASSIGNED', 'START:IN_PROGRESS', 'RESOLVE:RESOLVED', 'REOPEN:RECEIVED', 'REFUSE:REFUSED', 'REOPEN:RECEIVED',
    ]);
    expect(again.history[5].note).toBe('Trùng với phản ánh đang xử lý của thôn.');
  });

  it('refuses an illegal transition with CONFLICT, the current status and the allowed actions', async () => {
    const id = (await postGraphQL(hub.url, SUBMIT, { input: input({ reporter: null }) }, bearer(citizen))).data?.submitFieldReport as { report: Report };
    const resolveReceived = await postGraphQL(hub.url, RESOLVE, { id: id.report.id, text: 'Xong.' }, bearer(officer));
    expect(resolveReceived.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', status: 'RECEIVED', action: 'RESOLVE', allowedActions: ['ASSIGN', 'REFUSE'] });
    expect(resolveReceived.errors?.[0].message).toContain('cannot take RESOLVE');

    const receipt = await postGraphQL(hub.url, SUBMIT, { input: input({ reporter: null }) }, bearer(citizen));
    const reopenOpen = await postGraphQL(hub.url, REOPEN, { code: (receipt.data?.submitFieldReport as { receiptCode: string }).receiptCode, text: 'Chưa xử lý.' });
    expect(reopenOpen.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'RECEIVED', action: 'REOPEN' });
  });

  it('lets only the commune\'s officers act on a report and read the reporter\'s contact', async () => {
    const sent = await postGraphQL(hub.url, SUBMIT, { input: input({ reporter: { name: 'Đinh Thị Hoa', phone: '+84 987 654 321' } }) }, bearer(citizen));
    const id = (sent.data?.submitFieldReport as { report: Report }).report.id;
    for (const headers of [{}, bearer(citizen), bearer(otherOfficer)]) {
      const denied = await postGraphQL(hub.url, ASSIGN, { id, unit: 'Công an xã' }, headers);
      expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const query = `query ($id: ID!) { fieldReport(id: $id) { status description reporter { name phone anonymous } } }`;
    const asPublic = await postGraphQL(hub.url, query, { id });
    expect(asPublic.data?.fieldReport).toMatchObject({ status: 'RECEIVED', reporter: null });
    expect(asPublic.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asOfficer = await postGraphQL(hub.url, query, { id }, bearer(officer));
    expect(asOfficer.data?.fieldReport).toMatchObject({ reporter: { name: 'Đinh Thị Hoa', phone: '0987654321', anonymous: false } });
  });

  it('rate-limits anonymous submissions per contact with RATE_LIMITED, but not signed-in citizens', async () => {
    const mine = input({ communeId: LIEN_SON, reporter: { phone: '0355 111 222' } });
    for (let i = 0; i < ANONYMOUS_LIMITS.perContact; i++) {
      expect((await postGraphQL(hub.url, SUBMIT, { input: mine })).errors).toBeUndefined();
    }
    const limited = await postGraphQL(hub.url, SUBMIT, { input: { ...mine, reporter: { phone: '+84355111222' } } });
    expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(3500);
    expect((await postGraphQL(hub.url, SUBMIT, { input: mine }, bearer(citizen))).errors).toBeUndefined();
    expect((await postGraphQL(hub.url, SUBMIT, { input: { ...mine, reporter: { phone: '0355 999 000' } } })).errors).toBeUndefined();
  });

  it('rejects bad input with BAD_USER_INPUT and the input path, writing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ description: 'ngắn' }, 'input.description'],
      [{ communeId: '5068' }, 'input.communeId'],
      [{ photoUrls: ['https://example.org/a.jpg', 'file:///etc/passwd'] }, 'input.photoUrls.1'],
      [{ location: { address: 'Xóm 3', latitude: 20.6 } }, 'input.location.longitude'],
      [{ reporter: { phone: '12345' } }, 'input.reporter.phone'],
    ];
    const before = await hub.subgraphs.society!.orm.em.fork().count(FieldReport, {});
    for (const [overrides, field] of cases) {
      const result = await postGraphQL(hub.url, SUBMIT, { input: input(overrides) }, bearer(citizen));
      expect(result.errors?.[0].extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // The attack: reports to a made-up commune, and to one that ended, verified against the registry, not trusted.
    for (const communeId of ['99998/1', '99998/7', '05068/1', '04969/1']) {
      for (const headers of [{}, bearer(citizen)]) {
        const result = await postGraphQL(hub.url, SUBMIT, { input: input({ communeId, reporter: { phone: '0977 000 111' } }) }, headers);
        expect(result.errors?.[0].extensions, communeId).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communeId' });
      }
    }
    const unknownCategory = await postGraphQL(hub.url, SUBMIT, { input: input({ category: 'POTHOLES' }) }, bearer(citizen));
    expect(unknownCategory.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCode = await postGraphQL(hub.url, BY_RECEIPT, { code: 'not-a-code' });
    expect(badCode.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receiptCode' });
    const badPage = await postGraphQL(hub.url, `query { communeById(id: "05068/1") { fieldReports(first: 500) { totalCount } } }`);
    expect(badPage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await hub.subgraphs.society!.orm.em.fork().count(FieldReport, {})).toBe(before);
  });

  it('counts open, resolved, on-time rate and overdue reports per commune, and pages the list', async () => {
    const em = hub.subgraphs.society!.orm.em.fork();
    const nt = (await postGraphQL(hub.url, STATS, { id: NAM_THUONG })).data?.communeById as { fieldReportStats: Record<string, number> };
    const open = nt.fieldReportStats.open;
    expect(nt.fieldReportStats).toMatchObject({ resolved: 0, refused: 0, overdueNow: 0, resolvedOnTimeRate: null });
    // One open report's due time passes; another is resolved after its due time.
    const reports = await em.find(FieldReport, { communeId: NAM_THUONG, status: FieldReportStatus.RECEIVED }, { orderBy: { receivedAt: 'asc' } });
    await em.nativeUpdate(FieldReport, { id: reports[0].id }, { dueAt: new Date(Date.now() - 60_000) });
    const late = reports[1].id;
    await postGraphQL(hub.url, ASSIGN, { id: late, unit: 'Ban Địa chính' }, bearer(officer));
    await postGraphQL(hub.url, START, { id: late }, bearer(officer));
    await em.nativeUpdate(FieldReport, { id: late }, { dueAt: new Date(Date.now() - 60_000) });
    const onTime = reports[2].id;
    await postGraphQL(hub.url, ASSIGN, { id: onTime, unit: 'Ban Địa chính' }, bearer(officer));
    await postGraphQL(hub.url, START, { id: onTime }, bearer(officer));
    await postGraphQL(hub.url, RESOLVE, { id: late, text: 'Đã xử lý muộn.' }, bearer(officer));
    await postGraphQL(hub.url, RESOLVE, { id: onTime, text: 'Đã xử lý.' }, bearer(officer));
    const after = (await postGraphQL(hub.url, STATS, { id: NAM_THUONG })).data?.communeById as { fieldReportStats: Record<string, number> };
    expect(after.fieldReportStats).toMatchObject({ open: open - 2, resolved: 2, resolvedOnTime: 1, resolvedOnTimeRate: 0.5, overdueNow: 1 });
    // Day bounds are Asia/Ho_Chi_Minh days, both included: every report here was received yesterday or today, none tomorrow.
    const today = todayInVietnam();
    const DAYS = `query ($id: ID!, $from: Date, $to: Date) { communeById(id: $id) { fieldReportStats(from: $from, to: $to) { received } } }`;
    const days = async (from: string, to: string) => postGraphQL<{ communeById: { fieldReportStats: { received: number } } }>(hub.url, DAYS, { id: NAM_THUONG, from, to });
    expect((await days(addDays(today, -1), today)).data?.communeById.fieldReportStats.received).toBe(after.fieldReportStats.received);
    expect((await days(addDays(today, 1), addDays(today, 2))).data?.communeById.fieldReportStats.received).toBe(0);
    expect((await days(today, addDays(today, -1))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const overdue = await postGraphQL(hub.url, `query { communeById(id: "05068/2") { fieldReports(overdue: true) { totalCount edges { node { id overdue } } } } }`);
    expect((overdue.data?.communeById as { fieldReports: unknown }).fieldReports).toEqual({ totalCount: 1, edges: [{ node: { id: reports[0].id, overdue: true } }] });

    const list = `query ($after: String) { communeById(id: "05068/2") { fieldReports(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id receivedAt } } } } }`;
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const response: GraphQLResponse = await postGraphQL(hub.url, list, { after: cursor });
      const page = (response.data?.communeById as { fieldReports: ReportPage }).fieldReports;
      total = page.totalCount;
      seen.push(...page.edges.map((e) => e.node.id));
      cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('takes the due time from the commune\'s configurable SLA', async () => {
    const SET = `mutation ($input: SetFieldReportSlaInput!) { setFieldReportSla(input: $input) { rules { category workingDays source } } }`;
    const denied = await postGraphQL(hub.url, SET, { input: { communeId: NAM_THUONG, workingDays: 2 } }, bearer(otherOfficer));
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await postGraphQL(hub.url, SET, { input: { communeId: NAM_THUONG, workingDays: 0 } }, bearer(officer));
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.workingDays' });
    const set = await postGraphQL(hub.url, SET, { input: { communeId: NAM_THUONG, category: 'TRAFFIC_INFRASTRUCTURE', workingDays: 1 } }, bearer(officer));
    const rules = (set.data?.setFieldReportSla as { rules: { category: string; workingDays: number; source: string }[] }).rules;
    expect(rules.find((r) => r.category === 'TRAFFIC_INFRASTRUCTURE')).toEqual({ category: 'TRAFFIC_INFRASTRUCTURE', workingDays: 1, source: 'CATEGORY' });
    expect(rules.find((r) => r.category === 'OTHER')).toEqual({ category: 'OTHER', workingDays: 5, source: 'HUB_DEFAULT' });
    const sent = await postGraphQL(hub.url, SUBMIT, { input: input({ category: 'TRAFFIC_INFRASTRUCTURE' }) }, bearer(citizen));
    const r = (sent.data?.submitFieldReport as { report: { receivedAt: string; dueAt: string } }).report;
    const days = (Date.parse(r.dueAt) - Date.parse(r.receivedAt)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(1);
    expect(days).toBeLessThanOrEqual(3);
  });
});
